import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { DEFAULTS } from "../../../model/defaults";
import { ROOT } from "../../helpers/synth";

type Leaf = [path: string, value: unknown];

/** Every default as a path into DEFAULTS and its value; empty maps and lists are leaves too. */
function leaves(value: unknown, prefix = ""): Leaf[] {
  const isMap = typeof value === "object" && value !== null && !Array.isArray(value);
  const isLeaf = !isMap || Object.keys(value).length === 0 || prefix === "fleet.scope";
  if (isLeaf) return [[prefix, value]];
  return Object.entries(value as Record<string, unknown>).flatMap(([key, inner]) =>
    leaves(inner, prefix ? `${prefix}.${key}` : key),
  );
}

const code = (v: unknown) => `\`${Array.isArray(v) ? "[]" : typeof v === "object" ? "{}" : String(v)}\``;
const resources = (v: unknown) => {
  const { cpu, memory } = v as { cpu: string; memory: string };
  return `\`${cpu}/${memory}\``;
};

/** Where the README's reference states each default: the row's key cell, and the text derived from the value. */
const DOCUMENTED: Record<string, { row: string; says: (value: unknown) => string }> = {
  "cluster.managerNamespace": { row: "`cluster.managerNamespace`", says: code },
  "cluster.type": { row: "`cluster.type`", says: code },
  "cluster.ackServerless.clusterSpec": { row: "`ackServerless.clusterSpec`", says: code },
  "cluster.ackServerless.serviceCidr": { row: "`ackServerless.serviceCidr`", says: code },
  "cluster.ackServerless.endpointPublicAccess": { row: "`ackServerless.endpointPublicAccess`", says: code },
  "cluster.ackServerless.deletionProtection": { row: "`ackServerless.deletionProtection`", says: code },
  "cluster.ackServerless.tags": { row: "`ackServerless.tags`", says: code },
  "cluster.ackServerless.network.natBandwidth": { row: "`ackServerless.network.natBandwidth`", says: code },
  "cluster.ackServerless.nas.storageType": { row: "`ackServerless.nas.storageType`", says: code },
  "cluster.ackServerless.nas.size": { row: "`ackServerless.nas.size`", says: code },
  "cluster.ackServerless.nas.path": { row: "`ackServerless.nas.path`", says: code },
  "cluster.ackServerless.oss.expireDays": { row: "`ackServerless.oss.expireDays`", says: code },
  "cluster.ackServerless.imageCache.enabled": { row: "`ackServerless.imageCache.enabled`", says: code },
  "cluster.ackServerless.imageCache.size": { row: "`ackServerless.imageCache.size`", says: code },
  "cluster.ackServerless.imageCache.images": { row: "`ackServerless.imageCache.images`", says: code },
  hostAliases: { row: "`hostAliases`", says: code },
  "monitoring.prometheusOperator": { row: "`monitoring.prometheusOperator`", says: code },
  "monitoring.serviceMonitorLabels": { row: "`monitoring.serviceMonitorLabels`", says: code },
  "runnerImage.repository": { row: "`runnerImage.repository`", says: code },
  "runnerImage.version": { row: "`runnerImage.version`", says: code },
  "fleet.scope": { row: "`scope`", says: (v) => `\`{type: ${(v as { type: string }).type}}\`` },
  "fleet.tags": { row: "`tags`", says: code },
  "fleet.protected": { row: "`protected`", says: code },
  "fleet.locked": { row: "`locked`, `paused`", says: code },
  "fleet.paused": { row: "`locked`, `paused`", says: code },
  "fleet.maximumTimeout": { row: "`maximumTimeout`", says: code },
  "fleet.concurrent": { row: "`concurrent`", says: code },
  "fleet.replicas": { row: "`replicas`", says: code },
  "fleet.checkInterval": { row: "`checkInterval`", says: code },
  "fleet.requestConcurrency": { row: "`requestConcurrency`", says: code },
  "fleet.logLevel": { row: "`logLevel`, `logFormat`", says: code },
  "fleet.logFormat": { row: "`logLevel`, `logFormat`", says: code },
  "fleet.manager.requests.cpu": {
    row: "`manager.requests`, `manager.limits`",
    says: () => resources(DEFAULTS.fleet.manager.requests),
  },
  "fleet.manager.requests.memory": {
    row: "`manager.requests`, `manager.limits`",
    says: () => resources(DEFAULTS.fleet.manager.requests),
  },
  "fleet.manager.limits.cpu": {
    row: "`manager.requests`, `manager.limits`",
    says: () => resources(DEFAULTS.fleet.manager.limits),
  },
  "fleet.manager.limits.memory": {
    row: "`manager.requests`, `manager.limits`",
    says: () => resources(DEFAULTS.fleet.manager.limits),
  },
  "fleet.manager.nodeSelector": { row: "`manager.nodeSelector`", says: code },
  "fleet.manager.podAnnotations": { row: "`manager.podAnnotations`", says: code },
  "fleet.manager.podLabels": { row: "`manager.podLabels`", says: code },
  "fleet.manager.tolerations": { row: "`manager.tolerations`", says: code },
  "fleet.manager.topologySpreadConstraints": { row: "`manager.topologySpreadConstraints`", says: code },
  "fleet.manager.env": { row: "`manager.env`", says: code },
  "fleet.manager.volumes": { row: "`manager.volumes`", says: code },
  "fleet.manager.imagePullSecrets": { row: "`manager.imagePullSecrets`", says: code },
  "fleet.manager.imageFlavor": { row: "`manager.imageFlavor`", says: code },
  "fleet.manager.metricsPort": { row: "`manager.metricsPort`", says: code },
  "fleet.kubernetes.namespace": { row: "`kubernetes`", says: (v) => `(default ${code(v)})` },
  "fleet.cache.type": { row: "`cache`", says: code },
  "fleet.cache.pvc.size": { row: "`cache`", says: (v) => `type: pvc, size = ${String(v)}` },
  "fleet.cache.pvc.accessMode": { row: "`cache`", says: (v) => `accessMode = ${String(v)}` },
  "fleet.cache.s3.insecure": { row: "`cache`", says: (v) => `insecure = ${String(v)}` },
  "fleet.cache.s3.shared": { row: "`cache`", says: (v) => `shared = ${String(v)}` },
  "fleet.eci.spot": { row: "`eci.spot`", says: code },
  "fleet.cache.azure.shared": {
    row: "`cache`",
    says: (v) =>
      `{type: azure, accountName, containerName, storageDomain?, clientId, path?, shared = ${String(v)}}`,
  },
  "fleet.cache.gcs.shared": {
    row: "`cache`",
    says: (v) => `{type: gcs, bucketName, path?, shared = ${String(v)}}`,
  },
  "fleet.builds.type": { row: "`builds`", says: code },
  "fleet.builds.emptyDir.medium": {
    row: "`builds`",
    says: (v) => (v === "" ? "medium?" : `medium = ${String(v)}`),
  },
  "fleet.builds.pvcPerJob.size": { row: "`builds`", says: (v) => `type: pvcPerJob, size = ${String(v)}` },
  "fleet.builds.ephemeralPvc.size": {
    row: "`builds`",
    says: (v) => `type: ephemeralPvc, size = ${String(v)}`,
  },
  "fleet.kaniko": { row: "`kaniko`", says: code },
  "fleet.gitSsh": { row: "`gitSsh`", says: code },
  "fleet.jobPodSecurity": { row: "`jobPodSecurity`", says: code },
  "fleet.jobServiceAccountToken": { row: "`jobServiceAccountToken`", says: code },
  "fleet.dangerous.dockerInDocker": {
    row: "`dangerous.dockerInDocker`, `dangerous.dockerSocket`",
    says: code,
  },
  "fleet.dangerous.dockerSocket": { row: "`dangerous.dockerInDocker`, `dangerous.dockerSocket`", says: code },
  "gitlab.tier": { row: "`gitlab.tier`", says: code },
  variables: { row: "`variables`", says: code },
  applications: { row: "`applications`", says: code },
  "variable.masked": { row: "`masked`, `protected`", says: code },
  "variable.protected": { row: "`masked`, `protected`", says: code },
  "variable.hidden": { row: "`hidden`", says: code },
  "variable.variableType": { row: "`variableType`", says: code },
  "variable.environmentScope": { row: "`environmentScope`", says: code },
  "variable.raw": { row: "`raw`", says: code },
  "application.deploys": { row: "`deploys`", says: (v) => `\`[${(v as string[]).join(", ")}]\`` },
  "application.prune": { row: "`prune`", says: code },
  "application.podSecurity": { row: "`podSecurity`", says: code },
  "pipelineComponents.branch": { row: "`pipelineComponents.branch`", says: code },
};

/** Table rows of the README's configuration reference, by their first cell. */
function referenceRows(): Map<string, string[]> {
  const readme = fs.readFileSync(path.join(ROOT, "README.md"), "utf8");
  const reference = readme.slice(readme.indexOf("## Configuration reference"), readme.indexOf("## How-tos"));
  const rows = new Map<string, string[]>();
  for (const line of reference.split("\n").filter((l) => l.startsWith("| `"))) {
    const key = line.split("|")[1].trim();
    rows.set(key, [...(rows.get(key) ?? []), line]);
  }
  return rows;
}

describe("the README's configuration reference and model/defaults.ts agree", () => {
  const rows = referenceRows();

  it("every default is documented in the reference", () => {
    assert.deepEqual(
      leaves(DEFAULTS)
        .map(([p]) => p)
        .sort(),
      Object.keys(DOCUMENTED).sort(),
    );
  });

  for (const [leafPath, value] of leaves(DEFAULTS)) {
    const doc = DOCUMENTED[leafPath];
    if (!doc) continue;
    it(`${leafPath}: the ${doc.row} row says ${doc.says(value)}`, () => {
      const row = rows.get(doc.row);
      assert.ok(row, `the reference has no row for ${doc.row}`);
      assert.ok(
        row.some((line) => line.includes(doc.says(value))),
        `the ${doc.row} row does not say ${doc.says(value)}:\n${row.join("\n")}`,
      );
    });
  }
});
