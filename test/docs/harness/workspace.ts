import { execFileSync, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { parseDocument } from "yaml";
import { ROOT } from "../markdown";
import { PAGE_FIXTURES } from "./fixtures";
import { PulumiCli } from "./pulumi-cli";

/** A reader's machine for one page: a copy of the repository, a home folder and a local Pulumi backend. */
export interface Workspace {
  /** The copy of the repository the page's commands run in. */
  root: string;
  home: string;
  env: NodeJS.ProcessEnv;
  remove(): void;
}

/** The secrets passphrase of the workspace's stacks (a local backend's passphrase secrets provider). */
export const PASSPHRASE = "docs-test-passphrase";

/**
 * A stable folder per checkout and page, so the transpile cache in node_modules (keyed by file path) is reused
 * from run to run instead of growing.
 */
function workspaceDir(page: string): string {
  const checkout = createHash("sha256").update(ROOT).digest("hex").slice(0, 8);
  return path.join(os.tmpdir(), `gitlab-ci-platform-docs-${checkout}`, page.replace(/[/.]/g, "-"));
}

/** The checkout's files as git sees them (tracked and new, not ignored), without node_modules or out/. */
function sourceFiles(): string[] {
  const listed = execFileSync("git", ["ls-files", "-z", "--cached", "--others", "--exclude-standard"], {
    cwd: ROOT,
    encoding: "utf8",
  });
  return listed.split("\0").filter((f) => f !== "" && fs.existsSync(path.join(ROOT, f)));
}

const NODE_MODULES = ["node_modules", "policy/node_modules", "deployments/node_modules"];

/** Where a stack file names its secrets provider; the workspace's stacks use the test passphrase instead. */
const SECRETS_PROVIDER_KEYS = ["encryptionsalt", "secretsprovider", "encryptedkey"];

/**
 * A stack file as the workspace needs it: a checkout whose stacks were initialised for real keeps its secrets
 * provider in the file, which the workspace's passphrase could not open. Its encrypted values stay as they are.
 */
function withoutSecretsProvider(text: string): string {
  const doc = parseDocument(text);
  if (!SECRETS_PROVIDER_KEYS.some((key) => doc.has(key))) return text;
  for (const key of SECRETS_PROVIDER_KEYS) doc.delete(key);
  return doc.toString();
}

function copyCheckout(into: string): void {
  for (const file of sourceFiles()) {
    fs.mkdirSync(path.join(into, path.dirname(file)), { recursive: true });
    const source = path.join(ROOT, file);
    const target = path.join(into, file);
    if (/^Pulumi\.[^/]+\.yaml$/.test(path.basename(file)))
      fs.writeFileSync(target, withoutSecretsProvider(fs.readFileSync(source, "utf8")));
    else fs.copyFileSync(source, target);
  }
  // Installed dependencies are shared, never reinstalled: no command that a page runs here may install them.
  for (const dir of NODE_MODULES.filter((d) => fs.existsSync(path.join(ROOT, d))))
    fs.symlinkSync(path.join(ROOT, dir), path.join(into, dir), "dir");
}

function placeFixtures(page: string, root: string, home: string): void {
  for (const [target, source] of Object.entries(PAGE_FIXTURES[page] ?? {})) {
    const file = target.startsWith("~/") ? path.join(home, target.slice(2)) : path.join(root, target);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.copyFileSync(path.join(ROOT, source), file);
  }
}

/** Only what the commands need: nothing of the caller's credentials or Pulumi setup reaches them. */
function environment(home: string, pulumi?: PulumiCli): NodeJS.ProcessEnv {
  const bins = [pulumi?.dir, path.dirname(process.execPath), process.env.PATH];
  return {
    PATH: bins.filter((b): b is string => Boolean(b)).join(path.delimiter),
    HOME: home,
    TMPDIR: os.tmpdir(),
    LANG: "C.UTF-8",
    NO_COLOR: "1",
    PULUMI_HOME: path.join(home, ".pulumi"),
    PULUMI_CONFIG_PASSPHRASE: PASSPHRASE,
    PULUMI_SKIP_UPDATE_CHECK: "true",
    PULUMI_DISABLE_AUTOMATIC_PLUGIN_ACQUISITION: "true",
  };
}

export function createWorkspace(page: string, pulumi?: PulumiCli): Workspace {
  const dir = workspaceDir(page);
  fs.rmSync(dir, { recursive: true, force: true });
  const root = path.join(dir, "repo");
  const home = path.join(dir, "home");
  fs.mkdirSync(root, { recursive: true });
  fs.mkdirSync(home, { recursive: true });
  copyCheckout(root);
  placeFixtures(page, root, home);
  const env = environment(home, pulumi);
  if (pulumi) {
    // A local backend in the workspace, so a page that never logs in still keeps its stacks here.
    const state = path.join(dir, "state");
    fs.mkdirSync(state);
    const login = spawnSync("pulumi", ["login", `file://${state}`], { env, encoding: "utf8" });
    if (login.status !== 0) throw new Error(`pulumi login to the workspace failed:\n${login.stderr}`);
  }
  return { root, home, env, remove: () => fs.rmSync(dir, { recursive: true, force: true }) };
}
