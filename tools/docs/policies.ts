import { readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { Rule } from "../../policy/rule";
import { RULES } from "../../policy/rules";
import { THREATS_PAGE, threatAnchor, threatSections } from "./threats";

/** The page whose policy table is generated from the rules. */
export const POLICIES_PAGE = resolve(__dirname, "../../docs/policies.md");

const BEGIN = "<!-- generated from policy/rules by npm run docs:policies: begin -->";
const END = "<!-- generated from policy/rules by npm run docs:policies: end -->";

const cell = (text: string) => text.replace(/\|/g, "\\|");

function closes(rule: Rule): string {
  return rule.threats.map((id) => `[${id}](../policy/THREATS.md#${threatAnchor(id)})`).join(", ");
}

function row(rule: Rule): string {
  const checks = rule.exportOnly
    ? `${rule.description} Checked on a stack export only: ${rule.exportOnly}.`
    : rule.description;
  const levels = [rule.enforcement.dev, rule.enforcement.prod];
  return `| \`${rule.name}\` | ${rule.severity} | ${levels.join(" | ")} | ${closes(rule)} | ${cell(checks)} |`;
}

/** The generated part of the page: how many policies, and each one's levels, the threats it closes, its checks. */
export function policyTable(rules: readonly Rule[] = RULES): string {
  return [
    `The pack has ${rules.length} policies. Their level in dev and prod stacks, as \`policy/config/dev.json\` and`,
    "`policy/config/prod.json` give them to the engine, and the paths of the [threat model](../policy/THREATS.md)",
    "each one closes:",
    "",
    "| policy | severity | dev | prod | closes | checks |",
    "|---|---|---|---|---|---|",
    ...rules.map(row),
  ].join("\n");
}

/** A page with its generated part (between the markers) replaced. */
function withSection(page: string, file: string, generated: string): string {
  const begin = page.indexOf(BEGIN);
  const end = page.indexOf(END);
  if (begin < 0 || end < begin) throw new Error(`${file} has no ${BEGIN} … ${END} section`);
  return `${page.slice(0, begin + BEGIN.length)}\n${generated}\n${page.slice(end)}`;
}

/** The page with its generated part replaced by the rules' current table. */
export function withPolicyTable(page: string, rules: readonly Rule[] = RULES): string {
  return withSection(page, POLICIES_PAGE, policyTable(rules));
}

/** THREATS.md with its generated part replaced by the current paths and the rules that close them. */
export function withThreatSections(page: string, rules: readonly Rule[] = RULES): string {
  return withSection(page, THREATS_PAGE, threatSections(rules));
}

const GENERATED = [
  { file: POLICIES_PAGE, name: "docs/policies.md", update: withPolicyTable },
  { file: THREATS_PAGE, name: "policy/THREATS.md", update: withThreatSections },
];

/** `npm run docs:policies` rewrites both generated parts; with `--check` it only says whether they are current. */
function main(args: string[]): number {
  let stale = 0;
  for (const { file, name, update } of GENERATED) {
    const page = readFileSync(file, "utf8");
    const current = update(page);
    if (current === page) continue;
    if (args.includes("--check")) {
      console.error(`${name} does not match policy/rules and policy/threats: run npm run docs:policies`);
      stale += 1;
    } else writeFileSync(file, current);
  }
  if (!args.includes("--check"))
    console.log(`docs/policies.md and policy/THREATS.md: ${RULES.length} policies`);
  return stale > 0 ? 1 : 0;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
