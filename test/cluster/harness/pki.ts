import { execFileSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";

export interface Pki {
  caCert: string;
  caKey: string;
  servingCert: string;
  servingKey: string;
  adminCert: string;
  adminKey: string;
  controllerManagerCert: string;
  controllerManagerKey: string;
  serviceAccountKey: string;
  serviceAccountPub: string;
}

const EC = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"];
const LEAF = ["basicConstraints=critical,CA:FALSE", "keyUsage=critical,digitalSignature"];
// The system openssl.cnf would mark every certificate `req -x509` makes as a CA: only -addext applies with this one.
const CONFIG = "[req]\ndistinguished_name = dn\n[dn]\n";

/** A throwaway CA and the certificates the control plane needs; ECDSA P-256 because it is fast to generate. */
export function makePki(dir: string): Pki {
  fs.mkdirSync(dir, { recursive: true });
  const file = (name: string) => path.join(dir, name);
  const config = file("openssl.cnf");
  fs.writeFileSync(config, CONFIG);
  const req = (subject: string, extensions: string[], out: string[]) =>
    openssl(
      ["req", "-x509", "-config", config, ...EC, "-days", "2", "-subj", subject, ...out].concat(
        extensions.flatMap((e) => ["-addext", e]),
      ),
    );
  const caCert = file("ca.crt");
  const caKey = file("ca.key");
  req(
    "/CN=envtest-ca",
    ["basicConstraints=critical,CA:TRUE", "keyUsage=critical,keyCertSign,cRLSign"],
    ["-keyout", caKey, "-out", caCert],
  );
  const leaf = (name: string, subject: string, extensions: string[]) => {
    const cert = file(`${name}.crt`);
    const key = file(`${name}.key`);
    req(subject, [...LEAF, ...extensions], ["-CA", caCert, "-CAkey", caKey, "-keyout", key, "-out", cert]);
    return { cert, key };
  };
  const serving = leaf("apiserver", "/CN=kube-apiserver", [
    "subjectAltName=IP:127.0.0.1,DNS:localhost,DNS:kubernetes.default.svc",
    "extendedKeyUsage=serverAuth",
  ]);
  const admin = leaf("admin", "/O=system:masters/CN=envtest-admin", ["extendedKeyUsage=clientAuth"]);
  const kcm = leaf("controller-manager", "/CN=system:kube-controller-manager", [
    "extendedKeyUsage=clientAuth",
  ]);
  const serviceAccountKey = file("sa.key");
  const serviceAccountPub = file("sa.pub");
  openssl(["ecparam", "-name", "prime256v1", "-genkey", "-noout", "-out", serviceAccountKey]);
  openssl(["ec", "-in", serviceAccountKey, "-pubout", "-out", serviceAccountPub]);
  return {
    caCert,
    caKey,
    servingCert: serving.cert,
    servingKey: serving.key,
    adminCert: admin.cert,
    adminKey: admin.key,
    controllerManagerCert: kcm.cert,
    controllerManagerKey: kcm.key,
    serviceAccountKey,
    serviceAccountPub,
  };
}

function openssl(args: string[]): void {
  execFileSync("openssl", args, { stdio: ["ignore", "ignore", "pipe"] });
}

export function opensslAvailable(): boolean {
  try {
    execFileSync("openssl", ["version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}
