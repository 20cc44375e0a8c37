import { strict as assert } from "node:assert";
import { spawnSync } from "node:child_process";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { type CommandSpec, UsageError, helpText, parseArgs } from "../../../../tools/cli/args";

const ROOT = path.resolve(__dirname, "../../../..");

const SPEC: CommandSpec = {
  usage: ["npm run x -- --stack NAME [--out DIR] [--policy] [FILE]"],
  description: "Does x.",
  positionals: [{ name: "FILE", help: "a file" }],
  tooManyArguments: "one file at a time",
  options: [
    { flag: "--stack", value: "NAME", help: "the stack" },
    { flag: "--out", value: "DIR", help: "the folder" },
    { flag: "--policy", help: "run the pack" },
  ],
  exitCodes: ["0  ok", "2  bad usage"],
};

const refusal = (argv: string[]) => {
  try {
    parseArgs(SPEC, argv);
  } catch (err) {
    assert.ok(err instanceof UsageError, String(err));
    return err.message;
  }
  assert.fail(`accepted ${argv.join(" ")}`);
};

describe("command-line arguments (one parser for every command)", () => {
  it("reads flags with values (also --flag=value), switches and arguments", () => {
    const parsed = parseArgs(SPEC, ["--stack", "dev", "--out=/tmp/x", "--policy", "file.json"]);
    assert.deepEqual(
      [...parsed.options],
      [
        ["--stack", "dev"],
        ["--out", "/tmp/x"],
        ["--policy", true],
      ],
    );
    assert.deepEqual(parsed.positionals, ["file.json"]);
    assert.equal(parsed.help, false);
  });

  for (const [argv, message] of [
    [["--stack"], "--stack needs a value: --stack NAME"],
    [["--stack", "--policy"], "--stack needs a value: --stack NAME"],
    [["--stack", "dev", "--stack", "prod"], "--stack is given twice: give it once"],
    [["--stak", "dev"], "unknown option --stak: did you mean --stack?"],
    [["--zzzzzzzz"], "unknown option --zzzzzzzz: run with --help for the options"],
    [["--policy=yes"], '--policy takes no value (got "yes")'],
    [["a.json", "b.json"], 'one file at a time (got "a.json", "b.json")'],
  ] as const) {
    it(`refuses ${argv.join(" ")}: ${message}`, () => assert.equal(refusal([...argv]), message));
  }

  it("--help and -h ask for the help, whatever else is given", () => {
    assert.equal(parseArgs(SPEC, ["--help"]).help, true);
    assert.equal(parseArgs(SPEC, ["--stack", "dev", "-h", "x", "y"]).help, true);
  });

  it("the help lists the usage, every argument and option, and the exit statuses", () => {
    const help = helpText(SPEC);
    for (const part of [
      "usage: npm run x",
      "Does x.",
      "FILE",
      "--stack NAME",
      "--policy",
      "--help, -h",
      "2  bad usage",
    ])
      assert.ok(help.includes(part), part);
  });
});

describe("every command answers --help (exit 0) and refuses bad usage with exit 2, never a stack trace", function () {
  this.timeout(60000);
  const scripts = (
    JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as {
      scripts: Record<string, string>;
    }
  ).scripts;
  /** The package.json script, run as npm runs it (without npm's own start-up). */
  const run = (script: string, args: string[]) => {
    const [command, ...scriptArgs] = scripts[script].split(" ");
    assert.equal(command, "node", script);
    return spawnSync(process.execPath, [...scriptArgs, ...args], { cwd: ROOT, encoding: "utf8" });
  };

  for (const script of ["synth", "import", "policy:analyze", "pipeline:check", "bench"]) {
    it(`${script} --help`, () => {
      const result = run(script, ["--help"]);
      assert.equal(result.status, 0, result.stderr);
      assert.match(result.stdout, new RegExp(`^usage: npm run ${script} -- `));
      assert.match(result.stdout, /\nexit status:\n {2}0 /);
    });

    it(`${script} with an option it does not know`, () => {
      const result = run(script, ["--stak", "dev"]);
      assert.equal(result.status, 2);
      assert.match(result.stderr, /unknown option --stak/);
      assert.doesNotMatch(result.stderr, /\n\s+at /);
    });
  }

  it("synth --out naming a file: exit 2 saying to name a folder, no stack trace", () => {
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "synth-out-")), "a-file");
    fs.writeFileSync(file, "keep me\n");
    const result = run("synth", ["--stack", "dev", "--out", file]);
    assert.equal(result.status, 2, result.stdout);
    assert.match(result.stderr, /is a file: name a folder/);
    assert.doesNotMatch(result.stderr, /\n\s+at /);
    assert.equal(fs.readFileSync(file, "utf8"), "keep me\n");
  });
});
