import { Analysis, Violation } from "./analyze";

function line(violation: Violation): string {
  const tags = [
    violation.couldNotCheck ? "could not check" : "",
    violation.exception ? `exception: ${violation.exception}` : "",
  ]
    .filter(Boolean)
    .join("; ");
  return `  - ${violation.resource.name} [${violation.field}] ${violation.message}${tags ? ` (${tags})` : ""}`;
}

/** The threats a policy closes, as a report names them: `DEV-2: runs any image as a service`. */
export function threatsText(violation: Violation): string {
  return violation.threats.map((threat) => `${threat.id}: ${threat.title}`).join("; ");
}

function grouped(violations: Violation[]): string[] {
  const byPolicy = new Map<string, Violation[]>();
  for (const violation of violations)
    byPolicy.set(violation.policy, [...(byPolicy.get(violation.policy) ?? []), violation]);
  return [...byPolicy].flatMap(([policy, items]) => [
    `${policy} (${items[0].severity})`,
    `  closes ${threatsText(items[0])}`,
    ...items.map(line),
  ]);
}

/** Plain text for a terminal: mandatory violations first, grouped by policy, then a one-line summary. */
export function formatText(analysis: Analysis): string {
  const out: string[] = [];
  for (const level of ["mandatory", "advisory"] as const) {
    const items = analysis.violations.filter((v) => v.level === level);
    if (items.length > 0) out.push(`${level.toUpperCase()} (${items.length})`, ...grouped(items), "");
  }
  out.push(summaryLine(analysis));
  return out.join("\n") + "\n";
}

export function summaryLine(analysis: Analysis): string {
  return `policy: stack ${analysis.stack} (${analysis.environment}): ${analysis.rulesRun} policies, ${analysis.mandatory} mandatory, ${analysis.advisory} advisory violation(s)`;
}

function cell(text: string): string {
  return text.replace(/\|/g, "\\|").replace(/\n/g, " ");
}

/** Markdown for a merge request artifact: a summary line, then a table, mandatory first. */
export function formatMarkdown(analysis: Analysis): string {
  const rows = analysis.violations.map(
    (v) =>
      `| ${v.level}${v.couldNotCheck ? " (could not check)" : ""} | ${v.policy} | ${cell(threatsText(v))} | ${cell(v.resource.name)} | ${cell(v.field)} | ${cell(v.message)} |`,
  );
  return [
    `## Policy: stack \`${analysis.stack}\` (${analysis.environment})`,
    "",
    `${analysis.rulesRun} policies; **${analysis.mandatory} mandatory**, ${analysis.advisory} advisory violation(s).`,
    "",
    ...(rows.length > 0
      ? [
          "| level | policy | closes | resource | field | message and fix |",
          "|---|---|---|---|---|---|",
          ...rows,
        ]
      : ["No violations."]),
    "",
  ].join("\n");
}
