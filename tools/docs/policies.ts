import { readFileSync, writeFileSync } from "node:fs";
import { resolve } from "node:path";
import { Rule } from "../../policy/rule";
import { RULES } from "../../policy/rules";

/** The page whose policy table is generated from the rules. */
export const POLICIES_PAGE = resolve(__dirname, "../../docs/policies.md");

const BEGIN = "<!-- generated from policy/rules by npm run docs:policies: begin -->";
const END = "<!-- generated from policy/rules by npm run docs:policies: end -->";

const cell = (text: string) => text.replace(/\|/g, "\\|");

function row(rule: Rule): string {
  const checks = rule.exportOnly
    ? `${rule.description} Checked on a stack export only: ${rule.exportOnly}.`
    : rule.description;
  const levels = [rule.enforcement.dev, rule.enforcement.prod];
  return `| \`${rule.name}\` | ${rule.severity} | ${levels.join(" | ")} | ${cell(checks)} |`;
}

/** The generated part of the page: how many policies, and each one's levels and what it checks. */
export function policyTable(rules: readonly Rule[] = RULES): string {
  return [
    `The pack has ${rules.length} policies. Their level in dev and prod stacks, as \`policy/config/dev.json\` and`,
    "`policy/config/prod.json` give them to the engine:",
    "",
    "| policy | severity | dev | prod | checks |",
    "|---|---|---|---|---|",
    ...rules.map(row),
  ].join("\n");
}

/** The page with its generated part replaced by the rules' current table. */
export function withPolicyTable(page: string, rules: readonly Rule[] = RULES): string {
  const begin = page.indexOf(BEGIN);
  const end = page.indexOf(END);
  if (begin < 0 || end < begin) throw new Error(`${POLICIES_PAGE} has no ${BEGIN} … ${END} section`);
  return `${page.slice(0, begin + BEGIN.length)}\n${policyTable(rules)}\n${page.slice(end)}`;
}

/** `npm run docs:policies` rewrites the table; with `--check` it only says whether the page is current. */
function main(args: string[]): number {
  const page = readFileSync(POLICIES_PAGE, "utf8");
  const current = withPolicyTable(page);
  if (args.includes("--check")) {
    if (current === page) return 0;
    console.error("docs/policies.md does not match policy/rules: run npm run docs:policies");
    return 1;
  }
  if (current !== page) writeFileSync(POLICIES_PAGE, current);
  console.log(`docs/policies.md: ${RULES.length} policies`);
  return 0;
}

if (require.main === module) process.exitCode = main(process.argv.slice(2));
