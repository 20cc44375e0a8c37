import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { ENGINE_BINARIES, locateEngine } from "../../engine/harness/binaries";

function folderWith(binaries: readonly string[]): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "engine-binaries-"));
  for (const binary of binaries) fs.writeFileSync(path.join(dir, binary), "#!/bin/sh\n", { mode: 0o755 });
  return dir;
}

describe("the engine tests find their binaries", () => {
  const made: string[] = [];
  afterEach(() => made.splice(0).forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

  it("PULUMI_TEST_BIN comes first and must hold the CLI, the language host and the Kubernetes plugin", () => {
    const complete = folderWith(ENGINE_BINARIES);
    const partial = folderWith(["pulumi"]);
    made.push(complete, partial);
    assert.equal(locateEngine({ PULUMI_TEST_BIN: complete })?.pulumi, path.join(complete, "pulumi"));
    assert.throws(
      () => locateEngine({ PULUMI_TEST_BIN: partial }),
      /PULUMI_TEST_BIN .* lacks pulumi-language-nodejs, pulumi-resource-kubernetes/,
    );
  });

  it("without them and ../shared/pulumi, the pulumi the PATH finds first counts, with the other two beside it", () => {
    const alone = folderWith(["pulumi"]);
    const complete = folderWith(ENGINE_BINARIES);
    const noShared = path.join(alone, "no-shared-folder");
    made.push(alone, complete);
    assert.equal(locateEngine({ PATH: alone }, noShared), undefined);
    assert.equal(locateEngine({ PATH: `${alone}${path.delimiter}${complete}` }, noShared), undefined);
    assert.equal(locateEngine({ PATH: `${complete}${path.delimiter}${alone}` }, noShared)?.dir, complete);
  });
});
