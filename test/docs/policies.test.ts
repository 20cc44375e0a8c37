import { strict as assert } from "node:assert";
import { readFileSync } from "node:fs";
import { RULES } from "../../policy/rules";
import { POLICIES_PAGE, withPolicyTable, withThreatSections } from "../../tools/docs/policies";
import { THREATS_PAGE, threatAnchor } from "../../tools/docs/threats";

describe("docs/policies.md lists the pack's policies as policy/rules defines them", () => {
  const page = readFileSync(POLICIES_PAGE, "utf8");

  it("the generated table is current (npm run docs:policies rewrites it)", () => {
    assert.equal(page, withPolicyTable(page), "docs/policies.md is stale: run npm run docs:policies");
  });

  it("states how many policies there are, each one's severity, levels in dev and prod, and the paths it closes", () => {
    assert.ok(page.includes(`The pack has ${RULES.length} policies.`));
    const rows = page.split("\n").filter((l) => l.startsWith("| `"));
    assert.equal(rows.length, RULES.length);
    for (const rule of RULES) {
      const closes = rule.threats.map((id) => `[${id}](../policy/THREATS.md#${threatAnchor(id)})`).join(", ");
      const row = `| \`${rule.name}\` | ${rule.severity} | ${rule.enforcement.dev} | ${rule.enforcement.prod} | ${closes} | `;
      assert.ok(
        rows.some((r) => r.startsWith(row) && r.includes(rule.description)),
        rule.name,
      );
    }
  });
});

describe("policy/THREATS.md lists every path of policy/threats with its verdict", () => {
  const page = readFileSync(THREATS_PAGE, "utf8");

  it("the generated part is current (npm run docs:policies rewrites it)", () => {
    assert.equal(page, withThreatSections(page), "policy/THREATS.md is stale: run npm run docs:policies");
  });
});
