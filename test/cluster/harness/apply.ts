import { Kubectl } from "./kubectl";
import { describeObject, KubeObject } from "./objects";

export interface ApplyOutcome {
  object: KubeObject;
  /** kubectl's error when the API server refused the object. */
  refused?: string;
  warnings: string[];
}

export interface ApplyReport {
  outcomes: ApplyOutcome[];
  ms: number;
}

// Objects others depend on go first: namespaces and CRDs, then what pods reference.
const FIRST = ["Namespace", "CustomResourceDefinition", "ServiceAccount", "Secret", "ConfigMap"];
const PARALLEL = 3;

/** Applies every object (server-side, strict field validation); one kubectl call per object for precise blame. */
export async function applyAll(kubectl: Kubectl, objects: KubeObject[]): Promise<ApplyReport> {
  const start = Date.now();
  const outcomes: ApplyOutcome[] = [];
  for (const batch of batches(objects)) {
    outcomes.push(...(await mapLimited(batch, PARALLEL, (object) => applyOne(kubectl, object))));
  }
  return { outcomes, ms: Date.now() - start };
}

async function applyOne(kubectl: Kubectl, object: KubeObject): Promise<ApplyOutcome> {
  const result = await kubectl.apply(object);
  const refused = result.code === 0 ? undefined : result.stderr.trim() || `kubectl exited ${result.code}`;
  return refused === undefined
    ? { object, warnings: result.warnings }
    : { object, refused, warnings: result.warnings };
}

function batches(objects: KubeObject[]): KubeObject[][] {
  const rank = (o: KubeObject) => (FIRST.includes(o.kind) ? FIRST.indexOf(o.kind) : FIRST.length);
  const byRank = new Map<number, KubeObject[]>();
  for (const object of objects) byRank.set(rank(object), [...(byRank.get(rank(object)) ?? []), object]);
  return [...byRank.entries()].sort(([a], [b]) => a - b).map(([, batch]) => batch);
}

export async function mapLimited<T, R>(items: T[], limit: number, f: (item: T) => Promise<R>): Promise<R[]> {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await f(items[index]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

export function refusals(report: ApplyReport): string[] {
  return report.outcomes.filter((o) => o.refused).map((o) => `${describeObject(o.object)}: ${o.refused}`);
}

export function warnings(report: ApplyReport): string[] {
  return report.outcomes.flatMap((o) => o.warnings.map((w) => `${describeObject(o.object)}: ${w}`));
}
