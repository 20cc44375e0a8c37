import * as assert from "node:assert/strict";
import { RULES } from "../../policy/rules";
import { ACTORS, ActorId, THREATS, THREAT_IDS } from "../../policy/threats";
import { closingRules, threatSections } from "../../tools/docs/threats";

describe("policy: the threat model (policy/threats, policy/THREATS.md)", () => {
  it("every path is closed by a policy or says why it is out of scope, never both", () => {
    const unmapped = THREAT_IDS.filter((id) => closingRules(id).length === 0 && !THREATS[id].outOfScope);
    assert.deepEqual(unmapped, [], "paths neither closed by a rule nor out of scope");
    const both = THREAT_IDS.filter((id) => closingRules(id).length > 0 && THREATS[id].outOfScope);
    assert.deepEqual(both, [], "paths closed by a rule and also called out of scope");
  });

  it("every policy closes at least one path, and names each at most once", () => {
    for (const rule of RULES) {
      assert.ok(rule.threats.length > 0, `${rule.name} closes no path`);
      assert.equal(new Set(rule.threats).size, rule.threats.length, rule.name);
    }
  });

  it("every actor the model names has paths, and every path's id starts with its actor's prefix", () => {
    const prefixes: Record<ActorId, string> = {
      developer: "DEV-",
      maintainer: "MAINT-",
      editor: "EDIT-",
      manager: "MGR-",
      deployJob: "DEPLOY-",
      agent: "AGENT-",
    };
    for (const actor of Object.keys(ACTORS) as ActorId[]) {
      const ids = THREAT_IDS.filter((id) => THREATS[id].actor === actor);
      assert.ok(ids.length > 0, actor);
      assert.deepEqual(
        ids.filter((id) => !id.startsWith(prefixes[actor])),
        [],
        `${actor}'s paths`,
      );
    }
  });

  it("the page counts the paths and the policies, and gives every path a heading with its verdict", () => {
    const sections = threatSections();
    const open = THREAT_IDS.filter((id) => !THREATS[id].outOfScope).length;
    assert.match(
      sections,
      new RegExp(`^${THREAT_IDS.length} paths: ${open} closed by the pack's ${RULES.length} policies`),
    );
    for (const id of THREAT_IDS) {
      const heading = sections.indexOf(`### ${id} ${THREATS[id].title}`);
      assert.ok(heading >= 0, id);
      const verdict = THREATS[id].outOfScope
        ? "**Out of scope:**"
        : `**Closed by:** ${closingRules(id)
            .map((rule) => `\`${rule.name}\``)
            .join(", ")}.`;
      assert.ok(sections.slice(heading).includes(verdict), id);
    }
  });
});
