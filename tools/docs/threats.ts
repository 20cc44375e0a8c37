import { resolve } from "node:path";
import { Rule } from "../../policy/rule";
import { RULES } from "../../policy/rules";
import { ACTORS, ActorId, THREATS, THREAT_IDS, ThreatId } from "../../policy/threats";

/** The threat model, whose path-by-path part is generated from policy/threats and the rules that close each path. */
export const THREATS_PAGE = resolve(__dirname, "../../policy/THREATS.md");

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces as dashes. */
export function headingAnchor(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, "")
    .trim()
    .replace(/\s/g, "-");
}

function pathHeading(id: ThreatId): string {
  return `${id} ${THREATS[id].title}`;
}

/** Where a path is described, for links from another page (`../policy/THREATS.md#dev-2-…`). */
export function threatAnchor(id: ThreatId): string {
  return headingAnchor(pathHeading(id));
}

/** The rules that close a path. */
export function closingRules(id: ThreatId, rules: readonly Rule[] = RULES): Rule[] {
  return rules.filter((rule) => rule.threats.includes(id));
}

function pathSection(id: ThreatId, rules: readonly Rule[]): string[] {
  const threat = THREATS[id];
  const closing = closingRules(id, rules);
  const verdict = threat.outOfScope
    ? `**Out of scope:** ${threat.outOfScope}`
    : `**Closed by:** ${closing.map((rule) => `\`${rule.name}\``).join(", ")}.`;
  return [`### ${pathHeading(id)}`, "", threat.how, "", verdict, ""];
}

function actorSection(actor: ActorId, rules: readonly Rule[]): string[] {
  const { name, who, byDesign } = ACTORS[actor];
  const ids = THREAT_IDS.filter((id) => THREATS[id].actor === actor);
  return [
    `## ${name}`,
    "",
    `**Who:** ${who}`,
    "",
    `**By design:** ${byDesign}`,
    "",
    ...ids.flatMap((id) => pathSection(id, rules)),
  ];
}

/** The generated part of THREATS.md: per actor, who it is, what it may do, and every path with its verdict. */
export function threatSections(rules: readonly Rule[] = RULES): string {
  const actors = Object.keys(ACTORS) as ActorId[];
  const open = THREAT_IDS.filter((id) => !THREATS[id].outOfScope).length;
  return [
    `${THREAT_IDS.length} paths: ${open} closed by the pack's ${rules.length} policies, ` +
      `${THREAT_IDS.length - open} out of its scope, each with the reason.`,
    "",
    ...actors.flatMap((actor) => actorSection(actor, rules)),
  ]
    .join("\n")
    .trimEnd();
}
