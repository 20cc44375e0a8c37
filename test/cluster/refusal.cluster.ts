import { strict as assert } from "node:assert";
import { applyAll, ApplyReport, refusals, warnings } from "./harness/apply";
import { cluster } from "./harness/cluster";
import { installCrds } from "./harness/crds";
import { prepare } from "./harness/deploy";
import { clone, describeObject, isRecord, KubeObject } from "./harness/objects";
import { stackNames, synthesize } from "./harness/synth";
import { REDACTED } from "./harness/test-secrets";

/**
 * The gate is only worth something if it fails: one stack is applied again, in namespaces of its own, with three
 * objects changed the way a regression in the program would change them.
 */
describe("the cluster gate fails on objects the API server refuses or warns about", () => {
  const stack = stackNames()[0];
  let report: ApplyReport;
  const broken = { unknownField: "", rootManager: "", redactedSecret: "" };

  before(async () => {
    const { objects } = prepare(await synthesize(stack), `refusal-${stack}`);
    const changed = breakThree(objects, broken);
    await installCrds(cluster().kubectl, changed);
    report = await applyAll(cluster().kubectl, changed);
  });

  it("a misspelled field in a manager StatefulSet is refused (strict field validation)", () => {
    assert.match(refusalOf(report, broken.unknownField), /unknown field|field not declared in schema/);
  });

  it("a Secret of type kubernetes.io/dockerconfigjson holding a non-JSON value is refused", () => {
    assert.match(refusalOf(report, broken.redactedSecret), /dockerconfigjson/);
  });

  it("a manager pod template running as root draws a Pod Security warning, which the gate counts as a failure", () => {
    const found = warnings(report).filter((w) => w.startsWith(broken.rootManager));
    assert.ok(
      found.some((w) => /would violate PodSecurity "restricted/.test(w)),
      warnings(report).join("\n"),
    );
  });

  it("every object not changed is still accepted", () => {
    const expected = [broken.unknownField, broken.redactedSecret].sort();
    assert.deepEqual(
      refusals(report)
        .map((r) => r.slice(0, r.indexOf(":")))
        .sort(),
      expected,
    );
  });
});

function refusalOf(report: ApplyReport, object: string): string {
  const outcome = report.outcomes.find((o) => describeObject(o.object) === object);
  assert.ok(outcome?.refused, `${object} was accepted`);
  return outcome.refused;
}

function breakThree(
  objects: KubeObject[],
  names: { unknownField: string; rootManager: string; redactedSecret: string },
) {
  const statefulSets = objects.filter((o) => o.kind === "StatefulSet");
  const secret = objects.find((o) => o.type === "kubernetes.io/dockerconfigjson");
  if (statefulSets.length < 2 || !secret)
    throw new Error("the first stack needs two fleets and a registry Secret");
  names.unknownField = describeObject(statefulSets[0]);
  names.rootManager = describeObject(statefulSets[1]);
  names.redactedSecret = describeObject(secret);
  return objects.map((object) => {
    if (object === statefulSets[0])
      return mutatePodSpec(object, (spec) => (spec.terminationGracePeriod = 30));
    if (object === statefulSets[1])
      return mutatePodSpec(object, (spec) => (spec.securityContext = { runAsUser: 0 }));
    if (object === secret) return { ...clone(secret), stringData: { ".dockerconfigjson": REDACTED } };
    return object;
  });
}

function mutatePodSpec(statefulSet: KubeObject, change: (spec: Record<string, unknown>) => void): KubeObject {
  const copy = clone(statefulSet);
  const template = isRecord(copy.spec) ? copy.spec.template : undefined;
  if (!isRecord(template) || !isRecord(template.spec))
    throw new Error(`${describeObject(copy)}: no pod template`);
  change(template.spec);
  return copy;
}
