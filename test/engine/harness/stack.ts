import * as fs from "node:fs";
import * as path from "node:path";
import { parse, stringify } from "yaml";
import { PROJECT_ROOT } from "../../cluster/harness/assets";
import { type StackConfigValues, writeStackFile } from "./test-stacks";
import { failure, type PulumiResult, type PulumiWorkspace } from "./workspace";

/** What `pulumi preview --json` prints (the parts the tests read). */
export interface PreviewJson {
  steps?: {
    op: string;
    urn: string;
    type?: string;
    diffReasons?: string[];
    replaceReasons?: string[];
    detailedDiff?: Record<string, { kind: string }>;
  }[];
  changeSummary?: Record<string, number>;
  diagnostics?: { message: string; severity: string; urn?: string }[];
}

/** A resource of `pulumi stack export`. */
export interface StateResource {
  urn: string;
  type: string;
  id?: string;
  inputs?: Record<string, unknown>;
  outputs?: Record<string, unknown>;
  replacementTrigger?: unknown;
}

/** One stack of a project directory (the repository root by default), run in a workspace. */
/** Commands that never change a stack's state. */
const READ_ONLY = new Set(["preview", "stack export", "config set-all"]);

export class TestStack {
  /** The state as `pulumi stack export` gave it last, until a command that may change it runs. */
  private exported: StateResource[] | undefined;

  constructor(
    readonly workspace: PulumiWorkspace,
    readonly name: string,
    readonly projectDir = PROJECT_ROOT,
  ) {}

  /** Writes the stack file, creates the stack and sets its secrets (encrypted with the workspace's passphrase). */
  async init(config: StackConfigValues, secrets: Record<string, string>): Promise<void> {
    writeStackFile(this.name, config, this.projectDir);
    await this.ok(["stack", "init", this.name, "--secrets-provider", "passphrase"], false);
    await this.setSecrets(secrets);
  }

  /** Edits the plain settings of the stack file in place; its encrypted secrets and salt stay as they are. */
  editConfig(edit: (config: StackConfigValues) => void): void {
    const file = path.join(this.projectDir, `Pulumi.${this.name}.yaml`);
    const document = parse(fs.readFileSync(file, "utf8")) as { config: StackConfigValues };
    edit(document.config);
    fs.writeFileSync(file, stringify(document));
  }

  async setSecrets(secrets: Record<string, string>): Promise<void> {
    const pairs = Object.entries(secrets).flatMap(([k, v]) => ["--secret", `${k}=${v}`]);
    if (pairs.length > 0) await this.ok(["config", "set-all", "--path", ...pairs]);
  }

  run(args: string[], env?: NodeJS.ProcessEnv, withStack = true): Promise<PulumiResult> {
    if (!READ_ONLY.has(args[0]) && !READ_ONLY.has(args.slice(0, 2).join(" "))) this.exported = undefined;
    return this.workspace.run(this.projectDir, withStack ? [...args, "--stack", this.name] : args, env);
  }

  async ok(args: string[], withStack = true, env?: NodeJS.ProcessEnv): Promise<PulumiResult> {
    const result = await this.run(args, env, withStack);
    if (result.code !== 0) throw new Error(failure(args, result));
    return result;
  }

  async previewJson(extra: string[] = [], env?: NodeJS.ProcessEnv): Promise<PreviewJson> {
    const result = await this.ok(["preview", "--json", ...extra], true, env);
    return JSON.parse(result.stdout) as PreviewJson;
  }

  async up(extra: string[] = [], env?: NodeJS.ProcessEnv): Promise<PulumiResult> {
    return this.ok(["up", "--yes", "--skip-preview", "--suppress-progress", ...extra], true, env);
  }

  async resources(): Promise<StateResource[]> {
    if (this.exported) return this.exported;
    const result = await this.ok(["stack", "export"]);
    const state = JSON.parse(result.stdout) as { deployment: { resources?: StateResource[] } };
    this.exported = state.deployment.resources ?? [];
    return this.exported;
  }
}
