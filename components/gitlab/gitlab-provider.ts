import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { Provider } from "./bindings";

/** The GitLab API base URL the provider expects: `<url>/api/v4/`, trailing slash included. */
export function gitlabApiBaseUrl(url: string): string {
  return `${url.replace(/\/+$/, "")}/api/v4/`;
}

/**
 * The GitLab provider for the stack's instance. The provider reads a private CA from a file, so the PEM from the
 * stack config is written to a per-stack file in the temporary directory of the machine running Pulumi.
 */
export function gitlabProvider(
  name: string,
  args: { url: string; token: pulumi.Input<string>; caCert?: string },
  opts?: pulumi.ResourceOptions,
): Provider {
  return new Provider(
    name,
    {
      baseUrl: gitlabApiBaseUrl(args.url),
      token: args.token,
      cacertFile: args.caCert ? writeCa(args.caCert) : undefined,
    },
    opts,
  );
}

function writeCa(pem: string): string {
  const file = path.join(
    os.tmpdir(),
    "gitlab-ci-platform",
    `${pulumi.getProject()}-${pulumi.getStack()}-gitlab-ca.pem`,
  );
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, pem);
  return file;
}
