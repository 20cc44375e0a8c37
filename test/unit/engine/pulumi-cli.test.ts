import * as assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { createHash } from "node:crypto";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { locatePulumi, unpackShared } from "../../engine/deployments/pulumi-cli";

const executable = (dir: string, name: string) =>
  fs.writeFileSync(path.join(dir, name), "#!/bin/sh\necho fake\n", { mode: 0o755 });

/** A folder shaped like ../shared/pulumi: xz-compressed executables and their SHA256SUMS. */
function sharedFolder(root: string, corrupt = false): string {
  const shared = path.join(root, "shared");
  fs.mkdirSync(shared);
  const sums = ["pulumi", "pulumi-language-nodejs"].map((name) => {
    const xz = execFileSync("xz", ["-c"], { input: `#!/bin/sh\necho ${name}\n` });
    fs.writeFileSync(path.join(shared, `${name}.xz`), xz);
    const sum = createHash("sha256")
      .update(corrupt ? Buffer.from("other") : xz)
      .digest("hex");
    return `${sum}  ${name}.xz`;
  });
  fs.writeFileSync(path.join(shared, "SHA256SUMS"), `${sums.join("\n")}\n`);
  return shared;
}

describe("the bootstrap's engine test finds the Pulumi CLI the user gives first", () => {
  let root: string;
  beforeEach(() => (root = fs.mkdtempSync(path.join(os.tmpdir(), "pulumi-cli-"))));
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it("PULUMI_TEST_BIN first, then the PATH, then the shared copy; nothing when none is there", () => {
    const bin = path.join(root, "bin");
    fs.mkdirSync(bin);
    for (const name of ["pulumi", "pulumi-language-nodejs"]) executable(bin, name);
    const shared = sharedFolder(root);
    const env = { PATH: bin, XDG_CACHE_HOME: path.join(root, "cache") };
    assert.equal(locatePulumi({ ...env, PULUMI_TEST_BIN: bin }, shared)?.origin, "PULUMI_TEST_BIN");
    assert.equal(locatePulumi(env, shared)?.origin, "PATH");
    assert.equal(locatePulumi({ ...env, PATH: "" }, shared)?.origin, shared);
    assert.equal(locatePulumi({ ...env, PATH: "" }, path.join(root, "none")), undefined);
    assert.throws(
      () => locatePulumi({ PULUMI_TEST_BIN: root }, shared),
      /lacks pulumi, pulumi-language-nodejs/,
    );
  });

  it("unpacks the shared copy once into the cache, after checking each file against SHA256SUMS", () => {
    const shared = sharedFolder(root);
    const cache = path.join(root, "cache");
    const dir = unpackShared(shared, cache);
    assert.equal(execFileSync(path.join(dir, "pulumi")).toString(), "pulumi\n");
    assert.ok(fs.existsSync(path.join(dir, ".complete")));
    assert.equal(unpackShared(shared, cache), dir, "the second call reuses the folder");
  });

  it("refuses a file whose checksum does not match, leaving nothing half unpacked", () => {
    const shared = sharedFolder(root, true);
    const cache = path.join(root, "cache");
    assert.throws(() => unpackShared(shared, cache), /pulumi\.xz: checksum does not match SHA256SUMS/);
    assert.deepEqual(fs.existsSync(cache) ? fs.readdirSync(cache) : [], []);
  });
});
