import { spawnSync } from "node:child_process";
import * as path from "node:path";
import { startReady, Started } from "./processes";
import { freePort, httpOk } from "./wait";

export interface Etcd extends Started {
  url: string;
}

/**
 * The envtest folder's etcd is a small embed-based main with its own flags; a KUBEBUILDER_ASSETS etcd is the
 * upstream server. Its --help tells which one it is.
 */
export function etcdArgs(binary: string, dataDir: string, clientUrl: string, peerUrl: string): string[] {
  const help = spawnSync(binary, ["--help"], { encoding: "utf8", timeout: 10000 });
  const upstream = `${help.stdout}${help.stderr}`.includes("--listen-client-urls");
  if (!upstream) return ["--data-dir", dataDir, "--listen-client", clientUrl, "--listen-peer", peerUrl];
  return [
    `--data-dir=${dataDir}`,
    `--listen-client-urls=${clientUrl}`,
    `--advertise-client-urls=${clientUrl}`,
    `--listen-peer-urls=${peerUrl}`,
    `--initial-advertise-peer-urls=${peerUrl}`,
    `--initial-cluster=default=${peerUrl}`,
    "--unsafe-no-fsync=true",
  ];
}

export async function startEtcd(binary: string, dir: string): Promise<Etcd> {
  const url = `http://127.0.0.1:${await freePort()}`;
  const peer = `http://127.0.0.1:${await freePort()}`;
  const args = etcdArgs(binary, path.join(dir, "etcd-data"), url, peer);
  const logFile = path.join(dir, "etcd.log");
  const started = await startReady("etcd", { binary, args, logFile }, () => httpOk(`${url}/health`), 30000);
  return { ...started, url };
}
