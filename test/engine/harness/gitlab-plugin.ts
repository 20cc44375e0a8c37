import * as fs from "node:fs";
import * as path from "node:path";
import { GITLAB_PROVIDER_VERSION } from "../../../components/gitlab/bindings";
import { PROJECT_ROOT } from "../../cluster/harness/assets";
import type { PulumiWorkspace } from "./workspace";

const DOUBLE = path.join(PROJECT_ROOT, "test/engine/gitlab-double/main.ts");
const REGISTER = path.join(PROJECT_ROOT, "tools/typescript/register.js");

/**
 * Installs the GitLab provider test double as the plugin the program's bindings pin (`gitlab` 10.1.1): an
 * executable wrapper that starts it with this Node; its objects live in the workspace's GITLAB_DOUBLE_STATE file.
 */
export async function installGitLabDouble(workspace: PulumiWorkspace): Promise<void> {
  const wrapper = path.join(workspace.dir, "pulumi-resource-gitlab");
  const quote = (s: string) => `'${s.replaceAll("'", `'\\''`)}'`;
  fs.writeFileSync(
    wrapper,
    [
      "#!/bin/sh",
      "# The GitLab provider test double (test/engine/gitlab-double), installed as pulumi-resource-gitlab.",
      `exec ${quote(process.execPath)} --require ${quote(REGISTER)} ${quote(DOUBLE)} "$@"`,
      "",
    ].join("\n"),
    { mode: 0o755 },
  );
  await workspace.installPlugin("resource", "gitlab", GITLAB_PROVIDER_VERSION, wrapper);
}

/** Where the double keeps its GitLab objects for a workspace (set in the environment of every `pulumi` command). */
export function gitlabDoubleState(workspace: PulumiWorkspace): string {
  return path.join(workspace.dir, "gitlab-double.json");
}
