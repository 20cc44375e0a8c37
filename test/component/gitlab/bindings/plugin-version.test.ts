import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { GITLAB_PROVIDER_VERSION } from "../../../../components/gitlab/bindings/version";
import { ROOT } from "../../../helpers/synth";
import { docFiles } from "../../../docs/markdown";

const DOCS = [...docFiles(), "components/gitlab/bindings/README.md"];
const read = (doc: string) => fs.readFileSync(path.join(ROOT, doc), "utf8");
const installs = (plugin: string, text: string) =>
  [...text.matchAll(new RegExp(`pulumi plugin install resource ${plugin} ([^\\s\\x60]+)`, "g"))].map(
    (m) => m[1],
  );

describe("the plugin versions are one fact", () => {
  it("the bindings' package.json and the docs' install commands name GITLAB_PROVIDER_VERSION", () => {
    const pkg = JSON.parse(read("components/gitlab/bindings/package.json"));
    assert.equal(pkg.version, GITLAB_PROVIDER_VERSION);
    assert.equal(pkg.pulumi.version, GITLAB_PROVIDER_VERSION);
    assert.ok(installs("gitlab", read("components/gitlab/bindings/README.md")).length > 0);
    assert.ok(
      DOCS.some((doc) => installs("gitlab", read(doc)).length > 0),
      "the docs say how to install it",
    );
    for (const doc of DOCS)
      for (const v of installs("gitlab", read(doc))) assert.equal(v, GITLAB_PROVIDER_VERSION, doc);
  });

  it("the docs' install commands for the other plugins name the SDK versions package.json pins", () => {
    const dependencies = JSON.parse(read("package.json")).dependencies as Record<string, string>;
    for (const plugin of ["kubernetes", "alicloud"])
      for (const doc of DOCS)
        for (const v of installs(plugin, read(doc))) assert.equal(v, dependencies[`@pulumi/${plugin}`], doc);
  });
});
