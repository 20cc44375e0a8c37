import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { stringify } from "yaml";
import { ConfigValidationError } from "../../../../config";
import { formatProblem } from "../../../../model/problems";
import { loadOfflineStackConfig, offlineStackSettings } from "../../../../tools/synth/stack-config";

const ROOT = path.resolve(__dirname, "../../../..");
const P = "gitlab-ci-platform:";
/** What `pulumi config set --secret` writes: synth never decrypts it, so any ciphertext-shaped text does. */
const SECURE = { secure: "v1:AAAAAAAAAAAAAAAA:BBBBBBBBBBBBBBBBBBBBBBBB" };

/** A project folder with the real Pulumi.yaml and a stack file holding `config`. */
function projectWith(config: Record<string, unknown>): string {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "stack-secrets-"));
  fs.copyFileSync(path.join(ROOT, "Pulumi.yaml"), path.join(root, "Pulumi.yaml"));
  fs.writeFileSync(path.join(root, "Pulumi.test.yaml"), stringify({ config }));
  return root;
}

function base(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    [`${P}gitlab`]: { url: "https://gitlab.example.com", group: "platform" },
    [`${P}fleets`]: [{ name: "k8s", tags: ["k8s"] }],
    [`${P}gitlabToken`]: SECURE,
    [`${P}variables`]: [{ project: "platform/shop", key: "SONAR_TOKEN", secret: "sonarToken" }],
    ...extra,
  };
}

function problemsOf(root: string): string[] {
  try {
    loadOfflineStackConfig(root, "test");
  } catch (err) {
    assert.ok(err instanceof ConfigValidationError, String(err));
    return err.problems.map(formatProblem);
  }
  assert.fail("expected the stack file to be refused");
}

describe("secrets set with `pulumi config set --secret --path` (nested secure values)", () => {
  const roots: string[] = [];
  const project = (config: Record<string, unknown>) => {
    const root = projectWith(config);
    roots.push(root);
    return root;
  };
  after(() => roots.forEach((r) => fs.rmSync(r, { recursive: true, force: true })));

  it("a variableSecrets map of secure entries loads, as the CLI hands it to the program: the whole key secret", () => {
    const root = project(base({ [`${P}variableSecrets`]: { sonarToken: SECURE } }));
    const { settings, missingSecrets } = offlineStackSettings(root, "test");
    assert.ok(settings.secretKeys.includes(`${P}variableSecrets`));
    assert.deepEqual(JSON.parse(settings.config[`${P}variableSecrets`]), {
      sonarToken: `[secret ${P}variableSecrets.sonarToken]`,
    });
    assert.deepEqual(missingSecrets, []);
    const config = loadOfflineStackConfig(root, "test");
    assert.equal(config.gitlabSide.variables.length, 1);
  });

  it("an entry in plain text beside secure ones is refused with the --path command that encrypts it", () => {
    const root = project(base({ [`${P}variableSecrets`]: { sonarToken: SECURE, other: "plain-value" } }));
    assert.deepEqual(problemsOf(root), [
      `${P}variableSecrets.other: is stored in plain text — remove it from the stack file and run: pulumi config set --secret --path 'variableSecrets.other' <value>`,
    ]);
  });

  it("a map in plain text names each entry and one fix, not a second contradicting one", () => {
    const root = project(base({ [`${P}variableSecrets`]: { sonarToken: "plain-value" } }));
    assert.deepEqual(problemsOf(root), [
      `${P}variableSecrets.sonarToken: is stored in plain text — remove it from the stack file and run: pulumi config set --secret --path 'variableSecrets.sonarToken' <value>`,
    ]);
  });

  it("a settings key stored with a nested secret is told it is no secret, not that a table is invalid", () => {
    const root = project(base({ [`${P}gitlab`]: { url: SECURE, group: "platform" } }));
    const problems = problemsOf(root);
    assert.equal(problems.length, 1, problems.join("\n"));
    assert.match(problems[0], /^gitlab-ci-platform:gitlab: is not a secret, but is stored as one/);
    assert.match(problems[0], /set it without --secret: pulumi config set --path 'gitlab\.url' <value>/);
  });

  it("a top-level secret key in plain text gets the plain --secret command", () => {
    const root = project(
      base({ [`${P}gitlabToken`]: "glpat-plain", [`${P}variableSecrets`]: { sonarToken: SECURE } }),
    );
    assert.deepEqual(problemsOf(root), [
      `${P}gitlabToken: is stored in plain text — remove it from the stack file and run: pulumi config set --secret gitlabToken <value>`,
    ]);
  });
});

describe("secrets a stack file does not hold yet", () => {
  it("are listed one by one, entries of variableSecrets included, each with the command that sets it", () => {
    const root = projectWith(base({ [`${P}gitlabToken`]: undefined }));
    try {
      const { settings, missingSecrets } = offlineStackSettings(root, "test");
      assert.deepEqual(
        missingSecrets.map((m) => [m.path, m.command]),
        [
          [`${P}gitlabToken`, "pulumi config set --secret gitlabToken <value>"],
          [
            `${P}variableSecrets.sonarToken`,
            "pulumi config set --secret --path 'variableSecrets.sonarToken' <value>",
          ],
        ],
      );
      assert.match(missingSecrets[1].because, /variables\[0\] \(SONAR_TOKEN\)/);
      // The program sees the entry it names, not a map it cannot look into.
      assert.deepEqual(JSON.parse(settings.config[`${P}variableSecrets`]), {
        sonarToken: `[secret ${P}variableSecrets.sonarToken]`,
      });
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });

  it("an entry a secure map lacks is listed too, beside the entries it holds", () => {
    const root = projectWith(base({ [`${P}variableSecrets`]: { otherToken: SECURE } }));
    try {
      const { settings, missingSecrets } = offlineStackSettings(root, "test");
      assert.deepEqual(
        missingSecrets.map((m) => m.path),
        [`${P}variableSecrets.sonarToken`],
      );
      assert.deepEqual(Object.keys(JSON.parse(settings.config[`${P}variableSecrets`])), [
        "otherToken",
        "sonarToken",
      ]);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
