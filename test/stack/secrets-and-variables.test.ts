import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import { writeStackVariant } from "../helpers/stack-file";
import { runSynth } from "../helpers/synth";

const P = "gitlab-ci-platform:";
const SECURE = { secure: "v1:AAAAAAAAAAAAAAAA:BBBBBBBBBBBBBBBBBBBBBBBB" };

type Config = Record<string, unknown>;
/** The stack's variables list, created empty where the stack declares none. */
function variablesOf(config: Config): Config[] {
  config[`${P}variables`] ??= [];
  return config[`${P}variables`] as Config[];
}

describe("offline synth of a stack whose CI/CD variable secrets were set with --secret --path", function () {
  this.timeout(60000);
  const files: string[] = [];
  after(() => files.forEach((f) => fs.rmSync(f, { force: true })));

  for (const from of ["dev", "prod"]) {
    it(`${from} with a SONAR_TOKEN variable: the merge-request policy job passes (exit 0), and the secret is no longer listed as missing`, () => {
      const stack = `${from}-nested-secrets`;
      files.push(
        writeStackVariant(
          stack,
          (config) => {
            const names = variablesOf(config).flatMap((v) =>
              typeof v.secret === "string" ? [v.secret] : [],
            );
            config[`${P}variableSecrets`] = Object.fromEntries(names.map((n) => [n, SECURE]));
          },
          from,
        ),
      );
      const run = runSynth(stack, undefined, ["--policy"]);
      assert.equal(run.status, 0, run.stderr + run.stdout);
      assert.doesNotMatch(run.stdout, /variableSecrets\./);
      assert.doesNotMatch(run.files.get("summary.md")!, /variableSecrets\./);
    });
  }
});

describe("offline synth lists the secrets a stack still needs before pulumi up", function () {
  this.timeout(30000);

  it("on the console and in summary.md: each secret, why, and the command that sets it", () => {
    const run = runSynth("dev");
    assert.equal(run.status, 0, run.stderr);
    const wanted = [
      ["gitlabToken", "pulumi config set --secret gitlabToken <value>"],
      ["registryPassword", "pulumi config set --secret registryPassword <value>"],
      [
        "variableSecrets.sonarToken",
        "pulumi config set --secret --path 'variableSecrets.sonarToken' <value>",
      ],
    ];
    assert.match(run.stdout, /before `pulumi up --stack dev`, set the 3 secret\(s\)/);
    const summary = run.files.get("summary.md")!;
    assert.match(summary, /## Secrets to set before `pulumi up`/);
    for (const [secret, command] of wanted) {
      assert.ok(run.stdout.includes(`${P}${secret} (`) && run.stdout.includes(command), secret);
      assert.ok(summary.includes(`| \`${P}${secret}\` |`) && summary.includes(`\`${command}\``), secret);
    }
  });
});

describe("a plain CI/CD variable (no credential) in a prod stack", function () {
  this.timeout(60000);
  const files: string[] = [];
  after(() => files.forEach((f) => fs.rmSync(f, { force: true })));

  it("passes the config check and the mandatory policies, and stays plain in the state", () => {
    files.push(
      writeStackVariant(
        "prod-plain-variable",
        (config) => {
          variablesOf(config).push({
            project: "platform/shop",
            key: "LOG_LEVEL",
            value: "debug",
            masked: false,
            protected: false,
          });
        },
        "prod",
      ),
    );
    const run = runSynth("prod-plain-variable", undefined, ["--policy"]);
    assert.equal(run.status, 0, run.stderr + run.stdout);
    const exported = JSON.parse(run.files.get("stack.json")!) as {
      deployment: { resources: { type: string; inputs?: { key?: string; value?: unknown } }[] };
    };
    const logLevel = exported.deployment.resources.find((r) => r.inputs?.key === "LOG_LEVEL");
    assert.equal(logLevel?.inputs?.value, "debug");
  });

  it("is refused when its value is a credential after all (a password in a proxy URL)", () => {
    files.push(
      writeStackVariant("dev-plain-credential", (config) => {
        variablesOf(config).push({
          project: "platform/shop",
          key: "HTTPS_PROXY",
          value: "http://ci:Harbor12345@proxy.example.com:3128",
          masked: false,
        });
      }),
    );
    const run = runSynth("dev-plain-credential");
    assert.equal(run.status, 2, run.stdout);
    assert.match(
      run.stderr,
      /variables\[\d\]\.value: it holds a password in a URL \(user:password@\), and a value: is plain text .* pulumi config set --secret --path 'variableSecrets\.HTTPS_PROXY' <value>/,
    );
  });
});
