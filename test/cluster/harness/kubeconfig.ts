import * as fs from "node:fs";
import { stringify } from "yaml";

export interface ClientIdentity {
  server: string;
  caCert: string;
  cert: string;
  key: string;
}

export function writeKubeconfig(file: string, id: ClientIdentity): void {
  const config = {
    apiVersion: "v1",
    kind: "Config",
    clusters: [{ name: "envtest", cluster: { server: id.server, "certificate-authority": id.caCert } }],
    users: [{ name: "envtest", user: { "client-certificate": id.cert, "client-key": id.key } }],
    contexts: [{ name: "envtest", context: { cluster: "envtest", user: "envtest" } }],
    "current-context": "envtest",
  };
  fs.writeFileSync(file, stringify(config));
}
