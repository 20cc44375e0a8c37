import { strict as assert } from "node:assert";
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { locatePulumi } from "./harness/pulumi-cli";

const SCRIPT = "#!/bin/sh\necho v0.0.0-test\n";

describe("the docs tests find the Pulumi CLI: PULUMI_TEST_BIN, the shared xz copy, the PATH", () => {
  let tmp: string;
  const folder = (name: string, withPulumi: boolean) => {
    const dir = path.join(tmp, name);
    fs.mkdirSync(dir, { recursive: true });
    if (withPulumi) fs.writeFileSync(path.join(dir, "pulumi"), SCRIPT, { mode: 0o755 });
    return dir;
  };
  /** A shared folder as ../shared/pulumi is laid out: pulumi.xz and its SHA256SUMS line. */
  const shared = (sum?: string) => {
    const dir = folder("shared", false);
    const xz = execFileSync("xz", ["-c"], { input: SCRIPT });
    fs.writeFileSync(path.join(dir, "pulumi.xz"), xz);
    const actual = createHash("sha256").update(xz).digest("hex");
    fs.writeFileSync(path.join(dir, "SHA256SUMS"), `${sum ?? actual}  pulumi.xz\n`);
    return dir;
  };

  beforeEach(() => (tmp = fs.mkdtempSync(path.join(os.tmpdir(), "docs-pulumi-cli-"))));
  afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));

  it("PULUMI_TEST_BIN wins over the shared copy and the PATH, and must hold pulumi", () => {
    const bin = folder("bin", true);
    const env = { PULUMI_TEST_BIN: bin, PATH: folder("path", true) };
    assert.deepEqual(locatePulumi(env, shared()), { dir: bin, origin: "PULUMI_TEST_BIN" });
    assert.throws(
      () => locatePulumi({ PULUMI_TEST_BIN: folder("empty", false) }),
      /PULUMI_TEST_BIN=.* has no pulumi/,
    );
  });

  it("the shared copy is checked against SHA256SUMS and unpacked once into the cache", () => {
    const cli = locatePulumi({ XDG_CACHE_HOME: path.join(tmp, "cache"), PATH: "" }, shared());
    assert.ok(cli && cli.dir.startsWith(path.join(tmp, "cache", "gitlab-ci-platform", "pulumi")));
    assert.equal(execFileSync(path.join(cli.dir, "pulumi"), { encoding: "utf8" }), "v0.0.0-test\n");
    const tampered = shared("0".repeat(64));
    assert.throws(
      () => locatePulumi({ XDG_CACHE_HOME: path.join(tmp, "cache2"), PATH: "" }, tampered),
      /checksum does not match SHA256SUMS/,
    );
  });

  it("without either, a pulumi on the PATH; with none at all, nothing (the pages that need it skip)", () => {
    const onPath = folder("path", true);
    const none = path.join(tmp, "no-shared");
    assert.deepEqual(locatePulumi({ PATH: `${folder("other", false)}:${onPath}` }, none), {
      dir: onPath,
      origin: "PATH",
    });
    assert.equal(locatePulumi({ PATH: folder("other", false) }, none), undefined);
  });
});
