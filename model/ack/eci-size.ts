/**
 * The vCPU and memory (GiB) shapes ECI offers in every region (ECI: "Specify the number of vCPUs and memory size
 * to create a pod"). ECI sizes a pod from the sum of its containers' limits (requests where a container has no
 * limit; 2 vCPU / 4 GiB when none has either) and bills the smallest shape holding that sum.
 */
export const ECI_SHAPES: readonly { cpu: number; memory: readonly number[] }[] = [
  { cpu: 0.25, memory: [0.5, 1] },
  { cpu: 0.5, memory: [1, 2] },
  { cpu: 1, memory: [2, 4, 8] },
  { cpu: 2, memory: [1, 2, 4, 8, 16] },
  { cpu: 4, memory: [2, 4, 8, 16, 32] },
  { cpu: 8, memory: [4, 8, 16, 32, 64] },
  { cpu: 12, memory: [12, 24, 48, 96] },
  { cpu: 16, memory: [16, 32, 64, 128] },
  { cpu: 24, memory: [24, 48, 96, 192] },
  { cpu: 32, memory: [32, 64, 128, 256] },
  { cpu: 52, memory: [96, 192, 384] },
  { cpu: 64, memory: [128, 256, 512] },
];

/** What ECI gives a pod without any request or limit. */
export const ECI_DEFAULT_SHAPE: EciShape = { cpu: 2, memory: 4 };

/** vCPU and GiB. */
export interface EciShape {
  cpu: number;
  memory: number;
}

const SUFFIX: Record<string, number> = {
  "": 1,
  m: 1e-3,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  P: 1e15,
  E: 1e18,
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
  Pi: 2 ** 50,
  Ei: 2 ** 60,
};

/** The value of a Kubernetes quantity ("500m" → 0.5, "2Gi" → 2147483648); undefined when it is none. */
export function quantityValue(quantity: string): number | undefined {
  const match = /^\+?(\d+(?:\.\d*)?|\.\d+)(?:[eE]([+-]?\d+)|(Ki|Mi|Gi|Ti|Pi|Ei|m|k|M|G|T|P|E))?$/.exec(
    quantity,
  );
  if (!match) return undefined;
  const [, number, exponent, suffix = ""] = match;
  return Number(number) * (exponent === undefined ? SUFFIX[suffix] : 10 ** Number(exponent));
}

/** The shape ECI bills for a pod asking for `need`, or undefined when no shape holds it. */
export function eciShapeFor(need: EciShape): EciShape | undefined {
  for (const shape of ECI_SHAPES) {
    if (shape.cpu < need.cpu) continue;
    const memory = shape.memory.find((m) => m >= need.memory);
    if (memory !== undefined) return { cpu: shape.cpu, memory };
  }
  return undefined;
}

/** A container's resources as the pod spec gives them: limits, or requests where no limit is set. */
export interface ContainerResources {
  cpu?: string;
  memory?: string;
}

/** What ECI sizes a pod by: the sum over its containers, its default when nothing is set. */
export function eciPodNeed(containers: readonly ContainerResources[]): EciShape {
  const sum = (key: "cpu" | "memory", unit: number) =>
    containers.reduce((total, c) => total + (c[key] ? (quantityValue(c[key]) ?? 0) / unit : 0), 0);
  const need = { cpu: sum("cpu", 1), memory: sum("memory", 2 ** 30) };
  return need.cpu === 0 && need.memory === 0 ? ECI_DEFAULT_SHAPE : need;
}

/** More than this share of a billed shape unused is worth a warning. */
const WASTE_RATIO = 1.25;

/**
 * Why a pod's resources waste much of the shape ECI bills, or undefined when they fit it. `what` names the pod
 * ("job pods of fleet k8s").
 */
export function eciRoundingWarning(what: string, need: EciShape): string | undefined {
  const shape = eciShapeFor(need);
  const show = (s: EciShape) => `${round(s.cpu)} vCPU / ${round(s.memory)} GiB`;
  if (!shape) return `${what} ask for ${show(need)}, more than any ECI shape holds: lower the limits`;
  if (shape.cpu <= need.cpu * WASTE_RATIO && shape.memory <= need.memory * WASTE_RATIO) return undefined;
  return (
    `${what} are billed by ECI as ${show(shape)}, the smallest shape holding the ${show(need)} their containers ` +
    `ask for (limits, or requests where a container has none): size the limits to an ECI shape ` +
    `(docs/first-real-run.md lists them)`
  );
}

function round(n: number): string {
  return String(Math.round(n * 100) / 100);
}
