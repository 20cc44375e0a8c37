import * as pulumi from "@pulumi/pulumi";
import { hasPulumiType } from "./resource-type";
import { secretInput, withSecretOutputs } from "./secrets";
import { withProviderVersion } from "./version";

/**
 * Settings of an explicit GitLab provider instance. Unset settings fall back to the stack config
 * (`gitlab:<name>`) and then to the environment variables named below.
 */
export interface ProviderArgs {
  /** API base URL ending in `/api/v4/` (trailing slash required). Unset: `GITLAB_BASE_URL`, else GitLab.com. */
  baseUrl?: pulumi.Input<string>;
  /** Path to a PEM CA bundle, for instances with a self-signed certificate. */
  cacertFile?: pulumi.Input<string>;
  /** Path to a PEM client certificate for mutual TLS; needs `clientKey`. */
  clientCert?: pulumi.Input<string>;
  /** Path to the PEM key of `clientCert`. */
  clientKey?: pulumi.Input<string>;
  /** Path to a GitLab provider config file. Unset: `GITLAB_CONFIG_FILE`. */
  configFile?: pulumi.Input<string>;
  /** Context to use from the config file. Unset: `GITLAB_CONTEXT`. */
  context?: pulumi.Input<string>;
  /** Experimental: check the token by reading the current user when the provider starts. Default true; `GITLAB_EARLY_AUTH_CHECK`. */
  earlyAuthCheck?: pulumi.Input<boolean>;
  /** Use the CI job token automatically when running in GitLab CI and no `token` is given. */
  enableAutoCiSupport?: pulumi.Input<boolean>;
  /** Extra HTTP headers sent with every API request. */
  headers?: pulumi.Input<{ [name: string]: pulumi.Input<string> }>;
  /** Skip TLS certificate verification. Default false; do not use outside tests. */
  insecure?: pulumi.Input<boolean>;
  /** How many times a request rejected with HTTP 429 is retried, with exponential backoff. */
  retries?: pulumi.Input<number>;
  /** Personal, project, group, OAuth or CI job token, sent as Bearer. Always registered as a secret. Unset: `GITLAB_TOKEN`. */
  token?: pulumi.Input<string>;
}

/** An explicit instance of the GitLab provider plugin (`pulumi:providers:gitlab`). */
export class Provider extends pulumi.ProviderResource {
  /** Package name; the runtime registers the provider as `pulumi:providers:gitlab`. */
  public static readonly __pulumiType = "gitlab";

  /** True when `obj` is a GitLab provider, even one loaded from another copy of these bindings. */
  public static override isInstance(obj: unknown): obj is Provider {
    return hasPulumiType(obj, "pulumi:providers:" + Provider.__pulumiType);
  }

  declare public readonly baseUrl: pulumi.Output<string | undefined>;
  declare public readonly cacertFile: pulumi.Output<string | undefined>;
  declare public readonly clientCert: pulumi.Output<string | undefined>;
  declare public readonly clientKey: pulumi.Output<string | undefined>;
  declare public readonly configFile: pulumi.Output<string | undefined>;
  declare public readonly context: pulumi.Output<string | undefined>;
  /** The configured token, secret. */
  declare public readonly token: pulumi.Output<string | undefined>;

  constructor(name: string, args?: ProviderArgs, opts?: pulumi.ResourceOptions) {
    const resourceInputs: pulumi.Inputs = {};
    resourceInputs["baseUrl"] = args?.baseUrl;
    resourceInputs["cacertFile"] = args?.cacertFile;
    resourceInputs["clientCert"] = args?.clientCert;
    resourceInputs["clientKey"] = args?.clientKey;
    resourceInputs["configFile"] = args?.configFile;
    resourceInputs["context"] = args?.context;
    // Non-string provider settings travel JSON-encoded, as in the generated SDK.
    resourceInputs["earlyAuthCheck"] = jsonEncoded(args?.earlyAuthCheck);
    resourceInputs["enableAutoCiSupport"] = jsonEncoded(args?.enableAutoCiSupport);
    resourceInputs["headers"] = jsonEncoded(args?.headers);
    resourceInputs["insecure"] = jsonEncoded(args?.insecure);
    resourceInputs["retries"] = jsonEncoded(args?.retries);
    resourceInputs["token"] = secretInput(args?.token);
    opts = withSecretOutputs(withProviderVersion(opts), ["token"]);
    super(Provider.__pulumiType, name, resourceInputs, opts);
  }
}

/** `JSON.stringify` of the resolved input; an unset input stays unset (`JSON.stringify(undefined)` is undefined). */
function jsonEncoded<T>(input: pulumi.Input<T> | undefined): pulumi.Output<string | undefined> {
  return pulumi.output(input).apply((value) => (value === undefined ? undefined : JSON.stringify(value)));
}
