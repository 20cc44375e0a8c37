import { mapLimited } from "./apply";
import { Kubectl } from "./kubectl";
import { isRecord } from "./objects";

/** An identity no binding names: what every authenticated ServiceAccount may do by default (discovery, self-reviews). */
export const UNBOUND_USER = "system:serviceaccount:cluster-test-unbound:nobody";

interface RulesReview {
  status?: { resourceRules?: unknown[]; nonResourceRules?: unknown[]; incomplete?: boolean };
}

/** SelfSubjectRulesReview as `user` (impersonated): every rule the user holds in the namespace, one string each. */
export async function rulesIn(kubectl: Kubectl, user: string, namespace: string): Promise<string[]> {
  const review = {
    apiVersion: "authorization.k8s.io/v1",
    kind: "SelfSubjectRulesReview",
    metadata: { name: "review" },
    spec: { namespace },
  };
  const args = ["create", "--validate=false", "-f", "-", `--as=${user}`];
  const result = await kubectl.json<RulesReview>(args, JSON.stringify(review));
  if (result.status?.incomplete) throw new Error(`rules review for ${user} in ${namespace} is incomplete`);
  const resource = (result.status?.resourceRules ?? []).flatMap(expandResourceRule);
  const nonResource = (result.status?.nonResourceRules ?? []).flatMap(expandNonResourceRule);
  return [...new Set([...resource, ...nonResource])].sort();
}

const baselines = new Map<string, Promise<string[]>>();

function baselineIn(kubectl: Kubectl, namespace: string): Promise<string[]> {
  let baseline = baselines.get(namespace);
  if (!baseline) {
    baseline = rulesIn(kubectl, UNBOUND_USER, namespace);
    baselines.set(namespace, baseline);
  }
  return baseline;
}

/** Rules `user` holds in `namespace` beyond what an unbound identity holds there. */
export async function extraRules(kubectl: Kubectl, user: string, namespace: string): Promise<string[]> {
  const [own, baseline] = await Promise.all([
    rulesIn(kubectl, user, namespace),
    baselineIn(kubectl, namespace),
  ]);
  return own.filter((rule) => !baseline.includes(rule));
}

/** extraRules for many namespaces, as `namespace: rule` lines. */
export async function extraRulesAcross(
  kubectl: Kubectl,
  user: string,
  namespaces: string[],
): Promise<string[]> {
  const perNamespace = await mapLimited(namespaces, 3, async (ns) =>
    (await extraRules(kubectl, user, ns)).map((rule) => `${ns}: ${rule}`),
  );
  return perNamespace.flat();
}

export interface AccessCheck {
  verb: string;
  resource: string;
  subresource?: string;
  /** Omitted: across all namespaces / cluster-scoped. */
  namespace?: string;
}

/** `kubectl auth can-i` as `user`: a SelfSubjectAccessReview through impersonation. */
export async function can(kubectl: Kubectl, user: string, check: AccessCheck): Promise<boolean> {
  const args = ["auth", "can-i", check.verb, check.resource, `--as=${user}`];
  if (check.subresource) args.push(`--subresource=${check.subresource}`);
  args.push(...(check.namespace ? ["-n", check.namespace] : ["--all-namespaces"]));
  const result = await kubectl.run(args);
  if (result.stdout.trim() !== "yes" && result.stdout.trim() !== "no") {
    throw new Error(`kubectl ${args.join(" ")}: ${result.stderr.trim()}`);
  }
  return result.stdout.trim() === "yes";
}

export function describeCheck(check: AccessCheck): string {
  const what = check.subresource ? `${check.resource}/${check.subresource}` : check.resource;
  return `${check.verb} ${what} ${check.namespace ? `in ${check.namespace}` : "cluster-wide"}`;
}

function expandResourceRule(rule: unknown): string[] {
  if (!isRecord(rule)) return [];
  const list = (v: unknown) => (Array.isArray(v) ? v.map(String) : []);
  const names = list(rule.resourceNames);
  const suffix = names.length > 0 ? ` [${names.join(",")}]` : "";
  return list(rule.verbs).flatMap((verb) =>
    list(rule.apiGroups).flatMap((group) =>
      list(rule.resources).map((resource) => `${verb} ${group || "core"}/${resource}${suffix}`),
    ),
  );
}

function expandNonResourceRule(rule: unknown): string[] {
  if (!isRecord(rule)) return [];
  const list = (v: unknown) => (Array.isArray(v) ? v.map(String) : []);
  return list(rule.verbs).flatMap((verb) => list(rule.nonResourceURLs).map((url) => `${verb} ${url}`));
}
