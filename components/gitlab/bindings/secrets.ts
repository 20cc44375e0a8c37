import * as pulumi from "@pulumi/pulumi";

/** Adds output names the engine must store and return as secrets. */
export function withSecretOutputs(
  opts: pulumi.CustomResourceOptions,
  names: readonly string[],
): pulumi.CustomResourceOptions;
export function withSecretOutputs(
  opts: pulumi.ResourceOptions,
  names: readonly string[],
): pulumi.ResourceOptions;
export function withSecretOutputs(
  opts: pulumi.ResourceOptions,
  names: readonly string[],
): pulumi.ResourceOptions {
  return pulumi.mergeOptions(opts, { additionalSecretOutputs: [...names] });
}

/** Wraps a set input in `pulumi.secret`; an unset input stays unset. */
export function secretInput<T>(
  input: pulumi.Input<T> | undefined,
): pulumi.Output<pulumi.Unwrap<T>> | undefined {
  return input === undefined ? undefined : pulumi.secret(input);
}
