import { spawn } from "node:child_process";
import * as path from "node:path";
import { stringify } from "yaml";
import { KubeObject } from "./objects";

export interface KubectlResult {
  code: number;
  stdout: string;
  stderr: string;
  /** Server warnings (`Warning: …` lines kubectl prints from the API server's Warning headers). */
  warnings: string[];
}

/** kubectl bound to one cluster and identity; discovery is cached per cluster in its folder. */
export class Kubectl {
  constructor(
    private readonly binary: string,
    private readonly kubeconfig: string,
    private readonly cacheDir = path.join(path.dirname(kubeconfig), "kubectl-cache"),
  ) {}

  run(args: string[], input?: string): Promise<KubectlResult> {
    const all = [`--kubeconfig=${this.kubeconfig}`, `--cache-dir=${this.cacheDir}`, ...args];
    return new Promise((resolve, reject) => {
      const child = spawn(this.binary, all, { stdio: ["pipe", "pipe", "pipe"] });
      let stdout = "";
      let stderr = "";
      child.stdout.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
      child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
      child.on("error", reject);
      child.on("close", (code) =>
        resolve({ code: code ?? -1, stdout, stderr, warnings: warningsOf(stderr) }),
      );
      child.stdin.end(input ?? "");
    });
  }

  /** Like run, but throws with kubectl's message unless it succeeds. */
  async ok(args: string[], input?: string): Promise<string> {
    const result = await this.run(args, input);
    if (result.code !== 0) throw new Error(`kubectl ${args.join(" ")}: ${result.stderr.trim()}`);
    return result.stdout;
  }

  async json<T>(args: string[], input?: string): Promise<T> {
    return JSON.parse(await this.ok([...args, "-o", "json"], input)) as T;
  }

  /** Server-side apply with strict field validation: unknown or duplicate fields are errors, not warnings. */
  apply(object: KubeObject, fieldManager = "gitlab-ci-platform"): Promise<KubectlResult> {
    const args = [
      "apply",
      "--server-side",
      "--validate=strict",
      `--field-manager=${fieldManager}`,
      "-f",
      "-",
    ];
    return this.run(args, stringify(object));
  }

  /** Admission without persistence: the object passes every admission plugin or is refused, nothing is stored. */
  dryRunCreate(object: KubeObject, as?: string): Promise<KubectlResult> {
    const args = ["create", "--dry-run=server", "--validate=strict", "-o", "name", "-f", "-"];
    return this.run(as ? [...args, `--as=${as}`] : args, stringify(object));
  }
}

function warningsOf(stderr: string): string[] {
  return stderr
    .split("\n")
    .filter((line) => line.startsWith("Warning: "))
    .map((line) => line.slice("Warning: ".length));
}
