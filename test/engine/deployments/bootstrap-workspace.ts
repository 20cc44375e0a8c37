import * as fs from "node:fs";
import * as path from "node:path";
import type { PulumiWorkspace } from "../harness/workspace";

const ROOT = path.resolve(__dirname, "../../..");
const DOUBLE = path.join(__dirname, "pulumiservice-double/main.ts");
const REGISTER = path.join(ROOT, "tools/typescript/register.js");

/** The pulumiservice version deployments/package.json pins (the plugin the CLI looks for). */
export function pinnedPulumiserviceVersion(): string {
  const manifest = JSON.parse(fs.readFileSync(path.join(ROOT, "deployments/package.json"), "utf8")) as {
    dependencies: Record<string, string>;
  };
  return manifest.dependencies["@pulumi/pulumiservice"];
}

/**
 * A copy of the repository's deployments/ project (and what it reads beside it: the platform's stack files, the
 * policy levels, the defaults) in the sandbox, so that
 * `pulumi stack init` and `pulumi config set` write there and never into the checkout. Its node_modules is the
 * checkout's (npm ci --prefix deployments).
 */
export function copyBootstrapProject(sandbox: PulumiWorkspace): string {
  const repo = path.join(sandbox.dir, "repo");
  const project = path.join(repo, "deployments");
  fs.mkdirSync(project, { recursive: true });
  for (const file of fs.readdirSync(path.join(ROOT, "deployments"))) {
    if (/\.(ts|ya?ml|json)$/.test(file) && file !== "package-lock.json")
      fs.copyFileSync(path.join(ROOT, "deployments", file), path.join(project, file));
  }
  fs.symlinkSync(path.join(ROOT, "deployments/node_modules"), path.join(project, "node_modules"));
  fs.cpSync(path.join(ROOT, "policy/config"), path.join(repo, "policy/config"), { recursive: true });
  for (const file of fs.readdirSync(ROOT).filter((f) => /^Pulumi\..+\.yaml$/.test(f)))
    fs.copyFileSync(path.join(ROOT, file), path.join(repo, file));
  fs.mkdirSync(path.join(repo, "model"));
  fs.copyFileSync(path.join(ROOT, "model/defaults.ts"), path.join(repo, "model/defaults.ts"));
  return project;
}

/** Installs the pulumiservice test double as the plugin deployments/ pins: a wrapper that starts it with this Node. */
export async function installPulumiserviceDouble(sandbox: PulumiWorkspace): Promise<void> {
  const wrapper = path.join(sandbox.dir, "pulumi-resource-pulumiservice");
  const quote = (s: string) => `'${s.replaceAll("'", `'\\''`)}'`;
  fs.writeFileSync(
    wrapper,
    [
      "#!/bin/sh",
      "# The pulumiservice provider test double (test/engine/deployments/pulumiservice-double).",
      `exec ${quote(process.execPath)} --require ${quote(REGISTER)} ${quote(DOUBLE)} "$@"`,
      "",
    ].join("\n"),
    { mode: 0o755 },
  );
  await sandbox.installPlugin("resource", "pulumiservice", pinnedPulumiserviceVersion(), wrapper);
}

/** One step of `pulumi preview --json`. */
export interface PreviewStep {
  op: string;
  urn: string;
  newState?: { type: string; inputs: Record<string, unknown> };
}

export function previewSteps(stdout: string): PreviewStep[] {
  return (JSON.parse(stdout) as { steps: PreviewStep[] }).steps;
}
