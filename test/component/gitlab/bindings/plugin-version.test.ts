import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { GITLAB_PROVIDER_VERSION } from "../../../../components/gitlab/bindings/version";
import { ROOT } from "../../../helpers/synth";

describe("the GitLab plugin version is one fact", () => {
  it("the bindings' package.json and the README's install commands name GITLAB_PROVIDER_VERSION", () => {
    const pkg = JSON.parse(
      fs.readFileSync(path.join(ROOT, "components/gitlab/bindings/package.json"), "utf8"),
    );
    assert.equal(pkg.version, GITLAB_PROVIDER_VERSION);
    assert.equal(pkg.pulumi.version, GITLAB_PROVIDER_VERSION);
    for (const doc of ["README.md", "components/gitlab/bindings/README.md"]) {
      const text = fs.readFileSync(path.join(ROOT, doc), "utf8");
      const installs = [...text.matchAll(/pulumi plugin install resource gitlab (\S+)/g)].map((m) => m[1]);
      assert.ok(installs.length > 0, `${doc} says how to install the plugin`);
      for (const v of installs) assert.equal(v, GITLAB_PROVIDER_VERSION, doc);
    }
  });
});
