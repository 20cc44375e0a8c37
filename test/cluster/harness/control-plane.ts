import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { Assets } from "./assets";
import { Etcd, startEtcd } from "./etcd";
import { writeKubeconfig } from "./kubeconfig";
import { makePki, Pki } from "./pki";
import { removeFolder, removeOnExit, startReady, Started, stopProcess } from "./processes";
import { freePort, httpsGet, TlsClient } from "./wait";

export const ADMISSION_PLUGINS = "NamespaceLifecycle,ServiceAccount,PodSecurity,LimitRanger,ResourceQuota";

export interface ControlPlane {
  server: string;
  /** Admin (system:masters) kubeconfig. */
  kubeconfig: string;
  /** The cluster CA's certificate (PEM file). */
  caCert: string;
  dir: string;
  /** Starts kube-controller-manager once (StatefulSet, namespace, token controllers…); later calls reuse it. */
  startControllerManager(): Promise<void>;
  stop(): Promise<void>;
}

export async function startControlPlane(assets: Assets): Promise<ControlPlane> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "gitlab-ci-platform-envtest-"));
  removeOnExit(dir);
  const processes: Started[] = [];
  try {
    const pki = makePki(path.join(dir, "pki"));
    const etcd = await startEtcd(required(assets, "etcd"), dir);
    processes.push(etcd);
    const apiserver = await startApiServer(required(assets, "kube-apiserver"), dir, pki, etcd);
    processes.push(apiserver);
    const kubeconfig = path.join(dir, "admin.kubeconfig");
    writeKubeconfig(kubeconfig, {
      server: apiserver.server,
      caCert: pki.caCert,
      cert: pki.adminCert,
      key: pki.adminKey,
    });
    let controllerManager: Promise<void> | undefined;
    const startControllerManager = () => {
      controllerManager ??= startKcm(assets, dir, pki, apiserver.server).then((p) => void processes.push(p));
      return controllerManager;
    };
    return {
      server: apiserver.server,
      kubeconfig,
      caCert: pki.caCert,
      dir,
      startControllerManager,
      stop: () => stopAll(processes, dir),
    };
  } catch (error) {
    await stopAll(processes, dir);
    throw error;
  }
}

async function stopAll(processes: Started[], dir: string): Promise<void> {
  // Reverse order: controller-manager and API server before etcd.
  for (const p of [...processes].reverse()) await stopProcess(p.child);
  removeFolder(dir);
}

function required(assets: Assets, binary: "etcd" | "kube-apiserver"): string {
  const file = assets.path(binary);
  if (!file) throw new Error(`${binary} not found in ${assets.dir}`);
  return file;
}

interface ApiServer extends Started {
  server: string;
}

async function startApiServer(binary: string, dir: string, pki: Pki, etcd: Etcd): Promise<ApiServer> {
  const port = await freePort();
  const server = `https://127.0.0.1:${port}`;
  const args = [
    `--etcd-servers=${etcd.url}`,
    "--bind-address=127.0.0.1",
    `--secure-port=${port}`,
    "--advertise-address=127.0.0.1",
    // A loopback address cannot be an Endpoints address.
    "--endpoint-reconciler-type=none",
    `--cert-dir=${path.join(dir, "apiserver-certs")}`,
    `--tls-cert-file=${pki.servingCert}`,
    `--tls-private-key-file=${pki.servingKey}`,
    `--client-ca-file=${pki.caCert}`,
    "--service-account-issuer=https://kubernetes.default.svc.cluster.local",
    `--service-account-key-file=${pki.serviceAccountPub}`,
    `--service-account-signing-key-file=${pki.serviceAccountKey}`,
    "--service-cluster-ip-range=10.0.0.0/24",
    "--authorization-mode=RBAC",
    `--enable-admission-plugins=${ADMISSION_PLUGINS}`,
    // As on real clusters, so that Pod Security, not this flag, is what refuses privileged job pods.
    "--allow-privileged=true",
  ];
  const tls = clientTls(pki.caCert, pki.adminCert, pki.adminKey);
  const logFile = path.join(dir, "kube-apiserver.log");
  const started = await startReady("kube-apiserver /readyz", { binary, args, logFile }, () =>
    readyz(server, tls),
  );
  return { ...started, server };
}

async function startKcm(assets: Assets, dir: string, pki: Pki, server: string): Promise<Started> {
  const binary = assets.path("kube-controller-manager");
  if (!binary) throw new Error(`kube-controller-manager not found in ${assets.dir}`);
  const kubeconfig = path.join(dir, "controller-manager.kubeconfig");
  writeKubeconfig(kubeconfig, {
    server,
    caCert: pki.caCert,
    cert: pki.controllerManagerCert,
    key: pki.controllerManagerKey,
  });
  const port = await freePort();
  const args = [
    `--kubeconfig=${kubeconfig}`,
    `--authentication-kubeconfig=${kubeconfig}`,
    `--authorization-kubeconfig=${kubeconfig}`,
    "--leader-elect=false",
    "--use-service-account-credentials=true",
    `--service-account-private-key-file=${pki.serviceAccountKey}`,
    `--root-ca-file=${pki.caCert}`,
    `--cluster-signing-cert-file=${pki.caCert}`,
    `--cluster-signing-key-file=${pki.caKey}`,
    "--bind-address=127.0.0.1",
    `--secure-port=${port}`,
    `--cert-dir=${path.join(dir, "controller-manager-certs")}`,
  ];
  const tls = clientTls(pki.caCert, pki.adminCert, pki.adminKey);
  const logFile = path.join(dir, "kube-controller-manager.log");
  const healthy = () => healthz(`https://127.0.0.1:${port}`, tls);
  return startReady("kube-controller-manager /healthz", { binary, args, logFile }, healthy);
}

function clientTls(ca: string, cert: string, key: string): TlsClient {
  return { ca: fs.readFileSync(ca), cert: fs.readFileSync(cert), key: fs.readFileSync(key) };
}

async function readyz(server: string, tls: TlsClient): Promise<boolean> {
  const response = await httpsGet(`${server}/readyz`, tls);
  return response.status === 200 && response.body.trim() === "ok";
}

/** The controller-manager serves a self-signed certificate of its own, so it is not verified here. */
async function healthz(server: string, tls: TlsClient): Promise<boolean> {
  const response = await httpsGet(`${server}/healthz`, tls, false);
  return response.status === 200;
}
