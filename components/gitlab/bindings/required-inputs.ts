import type * as pulumi from "@pulumi/pulumi";

/**
 * Throws `Missing required property 'x'` for the first required input that is not set, as the generated SDK
 * does. Skipped when `opts.urn` is set (the resource is being rehydrated, not declared).
 */
export function checkRequiredInputs<T extends object>(
  args: T | undefined,
  names: readonly (keyof T & string)[],
  opts: pulumi.CustomResourceOptions,
): void {
  if (opts.urn) {
    return;
  }
  for (const name of names) {
    if (args?.[name] === undefined) {
      throw new Error(`Missing required property '${name}'`);
    }
  }
}
