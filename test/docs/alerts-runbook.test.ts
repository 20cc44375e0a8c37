import { strict as assert } from "node:assert";
import { ALERT_KINDS, ALERTS, runbookAnchor } from "../../model/monitoring";
import { DEFAULTS } from "../../model/defaults";
import { readDoc } from "./markdown";

const PAGE = "docs/alerts.md";

/** The runbook section of one alert: from its heading to the next. */
function section(page: string, alert: string): string | undefined {
  const start = page.indexOf(`\n### ${alert}\n`);
  if (start < 0) return undefined;
  const end = page.indexOf("\n#", start + 1);
  return page.slice(start, end < 0 ? undefined : end);
}

describe(`the runbook (${PAGE}) every alert links to`, () => {
  const page = readDoc(PAGE);

  for (const kind of ALERT_KINDS) {
    const { name } = ALERTS[kind];
    const defaults: { for: string; severity: string; seconds?: number; ratio?: number } =
      DEFAULTS.monitoring.alerts.fleet[kind];
    it(`${name}: a section whose anchor is the runbook_url's, naming its key, severity and for as the defaults give them`, () => {
      const text = section(page, name);
      assert.ok(text, `${PAGE} has no "### ${name}" heading`);
      assert.equal(
        name.toLowerCase(),
        runbookAnchor(name),
        "GitHub and GitLab anchor a heading in lower case",
      );
      const waits = defaults.for === "0s" ? "at once (`0s`)" : `after \`${defaults.for}\``;
      assert.ok(text.includes(`Key \`${kind}\`; \`${defaults.severity}\` ${waits}`), text.slice(0, 200));
      for (const key of ["seconds", "ratio"] as const) {
        const value = defaults[key];
        if (value !== undefined) assert.ok(text.includes(`\`${key}\` (default ${value})`), `${name}: ${key}`);
      }
    });
  }
});
