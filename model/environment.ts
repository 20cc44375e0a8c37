/** The two profiles a stack is judged by: dev stacks warn where prod stacks refuse. */
export type Environment = "dev" | "prod";

const DEV_STACK = /^(dev|development|test|testing|sandbox|review|pr|local)([-_.].*)?$/i;

/**
 * The environment a stack belongs to: the override, else dev for names such as dev, test, review-* or pr-*
 * (Pulumi's review stacks), else prod — an unrecognised stack is judged by the stricter profile.
 */
export function environmentOf(stack: string, override?: Environment): Environment {
  if (override) return override;
  return DEV_STACK.test(stack) ? "dev" : "prod";
}
