import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { runnerVersionsPage } from "../../../../tools/runner-versions/page";
import { ROOT } from "../../../helpers/synth";

describe("docs/runner-versions.md", () => {
  it("is what the model's version table generates (run npm run docs:runner-versions after changing it)", () => {
    const committed = fs.readFileSync(path.join(ROOT, "docs/runner-versions.md"), "utf8");
    assert.equal(committed, runnerVersionsPage());
  });

  it("names the three keys the pinned runner lacks under the release that brings them", () => {
    assert.match(
      runnerVersionsPage(),
      /^\| v19\.4\.0 \| `runners\.kubernetes\.services\.suspend_data_path`, `runners\.kubernetes\.suspend_pvc_size`, `runners\.kubernetes\.suspend_pvc_storage_class` \|$/m,
    );
  });
});
