import * as pulumi from "@pulumi/pulumi";
import { withInvokeProviderVersion } from "./version";

/**
 * Invokes a data source and keeps only the fields `pick` copies.
 *
 * `invokeOutput` marks the whole result secret as soon as one field is (getGroup and getProject return the
 * secret `runnersToken`). `pick` drops the secret fields, so the rest is unsecreted; chaining through the
 * arguments keeps the result secret when the caller passed secret arguments.
 */
export function invokePublicFields<TRaw, TResult>(
  token: string,
  args: pulumi.Inputs,
  pick: (raw: TRaw) => TResult,
  opts: pulumi.InvokeOutputOptions | undefined,
): pulumi.Output<TResult> {
  const raw = pulumi.runtime.invokeOutput<TRaw>(token, args, withInvokeProviderVersion(opts));
  const publicFields = pulumi.unsecret(raw.apply(pick));
  return pulumi.output(args).apply(() => publicFields);
}
