import * as pulumi from "@pulumi/pulumi";

/** Stands for an input whose value is only known during the deployment (an Output or a Promise). */
export const NOT_YET_KNOWN: unique symbol = Symbol("gitlab input not yet known");

/**
 * The value of an input when it is already a plain value (including `undefined` for "not set"), or
 * `NOT_YET_KNOWN` when it is an Output or a Promise. Client-side checks only look at plain values.
 */
export function plainValue<T>(input: pulumi.Input<T> | undefined): T | undefined | typeof NOT_YET_KNOWN {
  if (pulumi.Output.isInstance(input) || input instanceof Promise) {
    return NOT_YET_KNOWN;
  }
  // Output and Promise are excluded above; TypeScript cannot narrow the generic union by itself.
  return input as T | undefined;
}

/** Error thrown by client-side checks, naming the resource so the failing declaration is easy to find. */
export function invalidArgs(resourceType: string, name: string, problem: string): Error {
  return new Error(`${resourceType} "${name}": ${problem}`);
}

/** True when `value` is one of the `allowed` literals. */
export function isOneOf<T extends string>(value: string, allowed: readonly T[]): value is T {
  return (allowed as readonly string[]).includes(value);
}
