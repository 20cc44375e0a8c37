import * as fs from "node:fs";
import * as https from "node:https";
import * as net from "node:net";

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => (typeof address === "object" && address ? resolve(address.port) : reject()));
    });
  });
}

/** Polls check until it returns true; on timeout throws with the tail of the process log. */
export async function waitUntil(
  what: string,
  check: () => Promise<boolean>,
  options: { timeoutMs: number; logFile?: string; failed?: () => boolean },
): Promise<void> {
  const deadline = Date.now() + options.timeoutMs;
  while (Date.now() < deadline) {
    if (options.failed?.()) throw new Error(`${what}: the process exited${logTail(options.logFile)}`);
    if (await check().catch(() => false)) return;
    await sleep(150);
  }
  throw new Error(`${what}: not ready after ${options.timeoutMs} ms${logTail(options.logFile)}`);
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

function logTail(file: string | undefined): string {
  if (!file || !fs.existsSync(file)) return "";
  const lines = fs.readFileSync(file, "utf8").trimEnd().split("\n");
  return `; last lines of ${file}:\n${lines.slice(-25).join("\n")}`;
}

export interface TlsClient {
  ca: Buffer;
  cert: Buffer;
  key: Buffer;
}

/** GET over mutual TLS; resolves with the status code and body. */
export function httpsGet(
  url: string,
  tls: TlsClient,
  verify = true,
): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const options = { ...tls, rejectUnauthorized: verify, timeout: 2000 };
    const request = https.get(url, options, (response) => {
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (chunk: string) => (body += chunk));
      response.on("end", () => resolve({ status: response.statusCode ?? 0, body }));
    });
    request.on("timeout", () => request.destroy(new Error("timeout")));
    request.on("error", reject);
  });
}

export async function httpOk(url: string): Promise<boolean> {
  const response = await fetch(url, { signal: AbortSignal.timeout(2000) });
  return response.ok;
}
