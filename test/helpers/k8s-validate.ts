/** kubernetes-models is ESM-only; this CommonJS test code loads it with a real dynamic import. */
const importEsm = new Function("specifier", "return import(specifier)") as (
  s: string,
) => Promise<Record<string, unknown>>;

interface Model {
  validate(): void;
}
type ModelClass = new (data: unknown) => Model;

/** The kubernetes-models module for an apiVersion and kind, e.g. apps/v1 Deployment → kubernetes-models/apps/v1/Deployment. */
function modulePath(apiVersion: string, kind: string): string {
  if (apiVersion === "monitoring.coreos.com/v1")
    return `@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/${kind}`;
  return `kubernetes-models/${apiVersion}/${kind}`;
}

/** Validates one object against the Kubernetes OpenAPI schema; returns the error text, or undefined when valid. */
export async function validateK8sObject(object: {
  apiVersion: string;
  kind: string;
}): Promise<string | undefined> {
  const mod = await importEsm(modulePath(object.apiVersion, object.kind));
  const Model = mod[object.kind] as ModelClass | undefined;
  if (!Model) return `no schema for ${object.apiVersion} ${object.kind}`;
  try {
    new Model(object).validate();
    return undefined;
  } catch (err) {
    return (err as Error).message;
  }
}
