import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as path from "node:path";
import { parse } from "yaml";
import { commandsOf } from "../commands";
import { Workspace } from "./workspace";

/** One `pulumi config set --secret` of a block, and where it ran. */
interface SecretSetting {
  dir: string;
  stack?: string;
  key: string;
  path: boolean;
  /** The file the value is read from (`< file`), when it is. */
  file?: string;
}

/** Words of a command line, quotes removed (enough for the commands the pages show). */
function words(command: string): string[] {
  return [...command.matchAll(/'([^']*)'|"([^"]*)"|(\S+)/g)].map((m) => m[1] ?? m[2] ?? m[3]);
}

function settingOf(args: string[], dir: string): SecretSetting | undefined {
  if (args.slice(0, 3).join(" ") !== "pulumi config set" || !args.includes("--secret")) return undefined;
  const setting: SecretSetting = { dir, key: "", path: false };
  const positional: string[] = [];
  for (let i = 3; i < args.length; i++) {
    const arg = args[i];
    if (arg === "--path") setting.path = true;
    else if (arg === "--stack" || arg === "-s") setting.stack = args[++i];
    else if (arg === "<") setting.file = args[++i];
    else if (arg !== "--secret" && arg !== "--") positional.push(arg);
  }
  setting.key = positional[0] ?? "";
  return setting;
}

/** The secret settings of a script block, each with the folder it ran in (`cd` followed). */
function secretSettings(body: string, ws: Workspace): SecretSetting[] {
  let dir = ws.root;
  const settings: SecretSetting[] = [];
  for (const command of commandsOf({ file: "", line: 0, lang: "bash", body }).flatMap((c) => c.split("&&"))) {
    const args = words(command.trim());
    if (args[0] === "cd" && args[1]) dir = path.resolve(dir, args[1].replace(/^~/, ws.home));
    const setting = settingOf(args, dir);
    if (setting) settings.push(setting);
  }
  return settings;
}

function pulumi(args: string[], dir: string, ws: Workspace) {
  return spawnSync("pulumi", args, { cwd: dir, env: ws.env, encoding: "utf8" });
}

interface ProjectFile {
  name: string;
  config?: Record<string, unknown>;
}

/** `gitlab-ci-platform:variableSecrets.sonarToken` → the entry's key and the path below it. */
function locate(setting: SecretSetting, project: ProjectFile): { configKey: string; below: string[] } {
  const [head, ...below] = setting.path ? setting.key.split(".") : [setting.key];
  return { configKey: head.includes(":") ? head : `${project.name}:${head}`, below };
}

/** What went wrong with one setting, if anything: stored encrypted at its key, and read back as set. */
function checkSetting(setting: SecretSetting, ws: Workspace): string | undefined {
  const stack = setting.stack ?? pulumi(["stack", "--show-name"], setting.dir, ws).stdout.trim();
  const stackFile = path.join(setting.dir, `Pulumi.${stack}.yaml`);
  const config =
    (parse(fs.readFileSync(stackFile, "utf8")) as { config?: Record<string, unknown> }).config ?? {};
  const project = parse(fs.readFileSync(path.join(setting.dir, "Pulumi.yaml"), "utf8")) as ProjectFile;
  const { configKey, below } = locate(setting, project);
  const declared = configKey.slice(`${project.name}:`.length);
  if (!configKey.startsWith(`${project.name}:`) || !(declared in (project.config ?? {})))
    return `${setting.key}: ${configKey} is no key Pulumi.yaml declares, so the program never reads it`;
  const stored = below.reduce<unknown>(
    (value, key) => (value as Record<string, unknown> | undefined)?.[key],
    config[configKey],
  );
  if (typeof (stored as { secure?: unknown } | undefined)?.secure !== "string")
    return `${setting.key}: ${path.basename(stackFile)} does not hold it as an encrypted (secure) value`;
  const read = pulumi(["config", "get", ...(setting.path ? ["--path"] : []), setting.key], setting.dir, ws);
  if (read.status !== 0) return `${setting.key}: pulumi config get fails:\n${read.stderr}`;
  if (setting.file) {
    const file = setting.file.replace(/^~(?=\/)/, ws.home);
    const content = fs.readFileSync(path.resolve(setting.dir, file), "utf8").replace(/\r?\n$/, "");
    if (read.stdout !== `${content}\n`)
      return `${setting.key}: does not read back as the content of ${setting.file}`;
  }
  return undefined;
}

/** Every secret a block set is in its stack file encrypted, and decrypts to what was set. */
export function checkStoredSecrets(body: string, ws: Workspace): string | undefined {
  const problems = secretSettings(body, ws)
    .map((s) => checkSetting(s, ws))
    .filter((p): p is string => p !== undefined);
  return problems.length > 0 ? problems.join("\n") : undefined;
}
