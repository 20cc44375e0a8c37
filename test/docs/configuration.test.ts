import { strict as assert } from "node:assert";
import { SECRET_KEYS, plainConfigSchema } from "../../config/schema";
import { DEFAULTS } from "../../model/defaults";
import { REFERENCE, Row, referenceRows, schemaKeys } from "./reference";

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

/**
 * DEFAULTS keeps the defaults of one list or map entry under a singular name: `fleet.x` is `fleets[i].x`, and
 * `monitoring.alerts.fleet.x` is `monitoring.alerts.fleets.<fleet>.x`.
 */
const keyOf = (leafPath: string) =>
  leafPath
    .replace(/^(fleet|variable|application)\./, "$1s[].")
    .replace(/^monitoring\.alerts\.fleet\./, "monitoring.alerts.fleets[].");

const code = (v: unknown) => `\`${Array.isArray(v) ? "[]" : typeof v === "object" ? "{}" : String(v)}\``;
const resources = (v: unknown) => {
  const { cpu, memory } = v as { cpu: string; memory: string };
  return `\`${cpu}/${memory}\``;
};

/** How a row states a default where it is not the value in backticks: inside a union's or a pair's notation. */
const SAYS: Record<string, (value: unknown) => string> = {
  "fleet.scope": (v) => `\`{type: ${(v as { type: string }).type}}\``,
  "fleet.manager.requests.cpu": () => resources(DEFAULTS.fleet.manager.requests),
  "fleet.manager.requests.memory": () => resources(DEFAULTS.fleet.manager.requests),
  "fleet.manager.limits.cpu": () => resources(DEFAULTS.fleet.manager.limits),
  "fleet.manager.limits.memory": () => resources(DEFAULTS.fleet.manager.limits),
  "fleet.kubernetes.namespace": (v) => `(default ${code(v)})`,
  "fleet.cache.pvc.size": (v) => `type: pvc, size = ${String(v)}`,
  "fleet.cache.pvc.accessMode": (v) => `accessMode = ${String(v)}`,
  "fleet.cache.s3.insecure": (v) => `insecure = ${String(v)}`,
  "fleet.cache.s3.shared": (v) => `shared = ${String(v)}`,
  "fleet.cache.gcs.shared": (v) => `{type: gcs, bucketName, path?, shared = ${String(v)}}`,
  "fleet.cache.azure.shared": (v) =>
    `{type: azure, accountName, containerName, storageDomain?, clientId, path?, shared = ${String(v)}}`,
  "fleet.builds.emptyDir.medium": (v) => (v === "" ? "medium?" : `medium = ${String(v)}`),
  "fleet.builds.pvcPerJob.size": (v) => `type: pvcPerJob, size = ${String(v)}`,
  "fleet.builds.ephemeralPvc.size": (v) => `type: ephemeralPvc, size = ${String(v)}`,
  "application.deploys": (v) => `\`[${(v as string[]).join(", ")}]\``,
  "monitoring.dashboard.labels.grafana_dashboard": (v) => `\`{grafana_dashboard: "${String(v)}"}\``,
};

/**
 * Keys documented as a whole by their row, because they are another project's vocabulary one to one: the
 * runner's `[runners.kubernetes]` options in camelCase (held to the runner's own schema by
 * test/conformance/runner-schema.test.ts) and Kubernetes' `affinity`.
 */
const DOCUMENTED_AS_A_WHOLE = ["fleets[].kubernetes", "fleets[].manager.affinity"];

const rows = referenceRows();
const rowFor = (key: string): Row | undefined => rows.find((r) => r.keys.includes(key));
const ancestors = (key: string) =>
  key
    .split(".")
    .slice(0, -1)
    .map((_, i, parts) => parts.slice(0, i + 1).join("."));

const hasRowBelow = (key: string) => rows.some((r) => r.keys.some((k) => k.startsWith(`${key}.`)));

/** The row of a key's nearest ancestor that has one. */
function nearestRow(key: string): { row: Row; ancestor: string } | undefined {
  for (const ancestor of ancestors(key).reverse()) {
    const row = rowFor(ancestor) ?? rowFor(ancestor.replace(/\[\]$/, ""));
    if (row) return { row, ancestor: ancestor.replace(/\[\]$/, "") };
  }
  return undefined;
}

/**
 * A key is documented when a row names it; when rows name keys below it (a section of keys); or when the row
 * of its nearest ancestor names the key directly below that ancestor (`{server, caCert}`, `list of {ip, …}`).
 */
function documented(key: string): boolean {
  if (rowFor(key) || hasRowBelow(key)) return true;
  if (DOCUMENTED_AS_A_WHOLE.some((whole) => key.startsWith(`${whole}.`))) return true;
  const nearest = nearestRow(key);
  if (!nearest) return false;
  const below = key.slice(nearest.ancestor.length).replace(/^\[\]/, "").replace(/^\./, "").split(/[.[]/)[0];
  return new RegExp(`\\b${below}\\b`).test(nearest.row.text);
}

describe(`the configuration reference (${REFERENCE}) matches the schema and model/defaults.ts`, () => {
  const keys = schemaKeys(plainConfigSchema);

  it("every key of the stack file's schema is documented", () => {
    assert.deepEqual(
      [...keys].filter((k) => !documented(k)),
      [],
      `add a row for each, in the table of its section, in ${REFERENCE}`,
    );
  });

  it("every secret has a row in the Secrets table", () => {
    assert.deepEqual(
      SECRET_KEYS.filter((k) => !rowFor(k)),
      [],
    );
  });

  it("no row names a key the schema does not have", () => {
    const known = new Set<string>([...keys, ...SECRET_KEYS]);
    assert.deepEqual(
      rows.flatMap((r) => r.keys).filter((k) => !known.has(k)),
      [],
    );
  });

  for (const [leafPath, value] of leaves(DEFAULTS)) {
    const key = keyOf(leafPath);
    const says = (SAYS[leafPath] ?? code)(value);
    it(`${leafPath}: the reference's row for ${key} says ${says}`, () => {
      const row = rowFor(key) ?? nearestRow(key)?.row;
      assert.ok(row, `${REFERENCE} has no row for ${key}`);
      assert.ok(row.text.includes(says), `the row does not say ${says}:\n${row.text}`);
    });
  }
});
