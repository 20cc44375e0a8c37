import * as fs from "node:fs";
import * as path from "node:path";
import { buildKubeconfig } from "../../../model/deploy";
import { cluster } from "./cluster";
import { Kubectl } from "./kubectl";
import { sleep } from "./wait";

interface TokenSecret {
  data?: { token?: string; "ca.crt"?: string };
}

/**
 * kubectl as a deploy target's deployer, the way a GitLab job gets it: the kubeconfig built by the platform's own
 * buildKubeconfig from the token and CA the token controller wrote into the deployer's Secret.
 */
export async function deployerKubectl(
  namespace: string,
  tokenSecret: string,
  contextName: string,
): Promise<Kubectl> {
  const file = await deployerKubeconfig(namespace, tokenSecret, contextName);
  return new Kubectl(cluster().assets.path("kubectl") ?? "kubectl", file);
}

/** The deployer's kubeconfig as the platform builds it, written to a file (0600); returns its path. */
export async function deployerKubeconfig(
  namespace: string,
  tokenSecret: string,
  contextName: string,
): Promise<string> {
  const secret = await waitForToken(namespace, tokenSecret);
  const kubeconfig = buildKubeconfig({
    cluster: { server: cluster().controlPlane.server, caData: secret["ca.crt"] },
    token: Buffer.from(secret.token, "base64").toString("utf8"),
    namespace,
    contextName,
  });
  const file = path.join(cluster().controlPlane.dir, `${namespace}-${contextName}.kubeconfig`);
  fs.writeFileSync(file, kubeconfig, { mode: 0o600 });
  return file;
}

async function waitForToken(namespace: string, name: string): Promise<{ token: string; "ca.crt": string }> {
  const deadline = Date.now() + 30000;
  while (Date.now() < deadline) {
    const secret = await cluster().kubectl.json<TokenSecret>(["get", "secret", name, "-n", namespace]);
    const { token, "ca.crt": ca } = secret.data ?? {};
    if (token && ca) return { token, "ca.crt": ca };
    await sleep(200);
  }
  throw new Error(`the token controller did not fill ${namespace}/${name} within 30 s`);
}
