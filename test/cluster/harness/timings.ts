/** Named durations, printed once at the end of the run. */
const entries: { name: string; ms: number }[] = [];

export function record(name: string, ms: number): void {
  entries.push({ name, ms });
}

export async function timed<T>(name: string, f: () => Promise<T>): Promise<T> {
  const start = Date.now();
  try {
    return await f();
  } finally {
    record(name, Date.now() - start);
  }
}

export function timingReport(title = "cluster suite timings"): string {
  const width = Math.max(...entries.map((e) => e.name.length), 10);
  const lines = entries.map((e) => `  ${e.name.padEnd(width)}  ${(e.ms / 1000).toFixed(2).padStart(7)} s`);
  return [`${title}:`, ...lines].join("\n");
}
