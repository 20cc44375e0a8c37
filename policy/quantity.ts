const SUFFIXES: Record<string, number> = {
  m: 1e-3,
  k: 1e3,
  M: 1e6,
  G: 1e9,
  T: 1e12,
  Ki: 2 ** 10,
  Mi: 2 ** 20,
  Gi: 2 ** 30,
  Ti: 2 ** 40,
};

/** A Kubernetes quantity ("500m", "2", "4Gi") in base units, or undefined when it does not parse. */
export function parseQuantity(text: string): number | undefined {
  const match = /^([0-9]+(?:\.[0-9]+)?)([a-zA-Z]{0,2})$/.exec(text.trim());
  if (!match) return undefined;
  const factor = match[2] === "" ? 1 : SUFFIXES[match[2]];
  return factor === undefined ? undefined : Number(match[1]) * factor;
}
