import { strict as assert } from "node:assert";
import { readFileSync } from "node:fs";
import { RULES } from "../../policy/rules";
import { POLICIES_PAGE, withPolicyTable } from "../../tools/docs/policies";

describe("docs/policies.md lists the pack's policies as policy/rules defines them", () => {
  const page = readFileSync(POLICIES_PAGE, "utf8");

  it("the generated table is current (npm run docs:policies rewrites it)", () => {
    assert.equal(page, withPolicyTable(page), "docs/policies.md is stale: run npm run docs:policies");
  });

  it("states how many policies there are, and each one's severity and levels in dev and prod", () => {
    assert.ok(page.includes(`The pack has ${RULES.length} policies.`));
    const rows = page.split("\n").filter((l) => l.startsWith("| `"));
    assert.equal(rows.length, RULES.length);
    for (const rule of RULES) {
      const row = `| \`${rule.name}\` | ${rule.severity} | ${rule.enforcement.dev} | ${rule.enforcement.prod} | `;
      assert.ok(
        rows.some((r) => r.startsWith(row) && r.includes(rule.description)),
        rule.name,
      );
    }
  });
});
