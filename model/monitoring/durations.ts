/**
 * Prometheus durations (`15m`, `1h30m`, `0`): each unit at most once, largest first, as Prometheus and the
 * PrometheusRule CRD's `for` pattern accept them.
 */
const DURATION = /^(?:0|(?:(\d+)y)?(?:(\d+)w)?(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?(?:(\d+)ms)?)$/;
const UNIT_SECONDS = [31_536_000, 604_800, 86_400, 3_600, 60, 1, 0.001];

/** Seconds of a Prometheus duration, or undefined when the text is not one (a sign, a fraction, no unit). */
export function durationSeconds(text: string): number | undefined {
  const match = text === "" ? null : DURATION.exec(text);
  if (!match) return undefined;
  return match
    .slice(1)
    .reduce(
      (seconds, amount, i) => seconds + (amount === undefined ? 0 : Number(amount) * UNIT_SECONDS[i]),
      0,
    );
}

/** The shortest Prometheus duration for whole seconds: 900 → `15m`, 5400 → `1h30m`, 0 → `0s`. */
export function formatDuration(seconds: number): string {
  let rest = Math.round(seconds);
  let text = "";
  for (const [unit, size] of [
    ["h", 3600],
    ["m", 60],
    ["s", 1],
  ] as const) {
    const amount = Math.floor(rest / size);
    if (amount > 0) text += `${amount}${unit}`;
    rest -= amount * size;
  }
  return text === "" ? "0s" : text;
}
