import * as pulumi from "@pulumi/pulumi";

/** Version of the `gitlab` resource plugin these bindings were written against (no leading `v`). */
export const GITLAB_PROVIDER_VERSION = "10.1.1";

/**
 * Returns `opts` with the provider plugin version pinned, like the generated SDK's
 * `mergeOptions(resourceOptsDefaults(), opts)`: a `version` the caller sets explicitly wins.
 */
export function withProviderVersion(
  opts: pulumi.CustomResourceOptions | undefined,
): pulumi.CustomResourceOptions;
export function withProviderVersion(opts: pulumi.ResourceOptions | undefined): pulumi.ResourceOptions;
export function withProviderVersion(opts: pulumi.ResourceOptions | undefined): pulumi.ResourceOptions {
  return pulumi.mergeOptions({ version: GITLAB_PROVIDER_VERSION }, opts);
}

/** Returns invoke options with the provider plugin version pinned unless the caller set one. */
export function withInvokeProviderVersion(
  opts: pulumi.InvokeOutputOptions | undefined,
): pulumi.InvokeOutputOptions {
  return { ...opts, version: opts?.version ?? GITLAB_PROVIDER_VERSION };
}
