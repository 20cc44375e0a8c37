import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { loadOfflineStackConfig } from "../../../../tools/synth/stack-config";
import { readProjectFile, readStackSettings } from "../../../../tools/synth/project-files";

/** A project folder with this repository's Pulumi.yaml and one stack file. */
function projectWith(stackFile: string): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "stack-settings-"));
  fs.copyFileSync(path.resolve(__dirname, "../../../../Pulumi.yaml"), path.join(dir, "Pulumi.yaml"));
  fs.writeFileSync(path.join(dir, "Pulumi.dev.yaml"), stackFile);
  return dir;
}

describe("synth reads stack files as the CLI writes them", () => {
  it("a secret set with --path inside an object (variableSecrets.<name>) makes the key secret, each value a placeholder", () => {
    const dir = projectWith(
      [
        "encryptionsalt: v1:abc",
        "config:",
        "  gitlab-ci-platform:variableSecrets:",
        "    sonarToken:",
        "      secure: v1:ciphertext",
        "",
      ].join("\n"),
    );
    try {
      const settings = readStackSettings(dir, "dev", readProjectFile(dir));
      assert.deepEqual(JSON.parse(settings.config["gitlab-ci-platform:variableSecrets"]), {
        sonarToken: "[secret gitlab-ci-platform:variableSecrets.sonarToken]",
      });
      assert.ok(settings.secretKeys.includes("gitlab-ci-platform:variableSecrets"));
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it("a masked variable whose value is such a placeholder is not judged by GitLab's masking rules (pulumi up has the value)", () => {
    const dev = fs.readFileSync(path.resolve(__dirname, "../../../../Pulumi.dev.yaml"), "utf8");
    const dir = projectWith(
      `${dev}\n  gitlab-ci-platform:variableSecrets:\n    sonarToken:\n      secure: v1:ciphertext\n`,
    );
    fs.cpSync(path.resolve(__dirname, "../../../../templates"), path.join(dir, "templates"), {
      recursive: true,
    });
    try {
      const config = loadOfflineStackConfig(dir, "dev");
      assert.equal(config.gitlabSide.variables.find((v) => v.spec.key === "SONAR_TOKEN")?.spec.masked, true);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
