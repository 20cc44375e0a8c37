import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import { parse } from "yaml";
import { MONITORING_FILES } from "../../model/monitoring";
import { unknownNames } from "../helpers/promql-names";
import { requireReference } from "../helpers/reference";
import { parseRunnerMetricsList, parseScrape, readRunnerMetricsCopy } from "../helpers/runner-metrics";
import { stackNames, synthOnce } from "../helpers/synth";

const LIST = "gitlab-runner-metrics.md";
const SCRAPE = "gitlab-runner-v19.3.0.metrics.txt";

const reference = (ctx: Mocha.Context) =>
  parseRunnerMetricsList(fs.readFileSync(requireReference(ctx, LIST), "utf8"));

/** Every PromQL expression of a stack's rule file and dashboard, named by where it is. */
function expressions(files: Map<string, string>): [string, string][] {
  const rules = parse(files.get(MONITORING_FILES.rules) ?? "groups: []") as {
    groups: { rules: { alert: string; expr: string }[] }[];
  };
  const dashboard = JSON.parse(files.get(MONITORING_FILES.dashboard) ?? "{}") as {
    panels?: { title: string; targets?: { expr: string }[] }[];
  };
  return [
    ...rules.groups.flatMap((g) => g.rules.map((r): [string, string] => [`alert ${r.alert}`, r.expr])),
    ...(dashboard.panels ?? []).flatMap((p) =>
      (p.targets ?? []).map((t): [string, string] => [`panel ${p.title}`, t.expr]),
    ),
  ];
}

describe("the alerts and the dashboard name only what GitLab Runner v19.3.0 exports (../shared/reference)", function () {
  this.timeout(60_000);

  it("the checked-in copy of the runner's metrics (test/fixtures/monitoring) is the reference list", function () {
    assert.deepEqual(readRunnerMetricsCopy(), reference(this));
  });

  it("the reference list holds every metric of the raw scrape with the labels on its samples", function () {
    const list = reference(this);
    const scrape = parseScrape(fs.readFileSync(requireReference(this, SCRAPE), "utf8"));
    for (const [metric, labels] of Object.entries(scrape).filter(([m]) => m.startsWith("gitlab_runner_"))) {
      assert.deepEqual([...labels].sort(), [...(list[metric]?.labels ?? ["(absent)"])].sort(), metric);
    }
  });

  for (const stack of stackNames()) {
    it(`stack ${stack}: every rule and panel names only the runner's metrics and labels, and the scrape's`, function () {
      const list = reference(this);
      const run = synthOnce(stack);
      assert.equal(run.status, 0, run.stderr);
      const found = expressions(run.files);
      assert.ok(found.length > 0, "no expression rendered");
      assert.deepEqual(
        found.flatMap(([where, expr]) => unknownNames(expr, list).map((name) => `${where}: ${name}`)),
        [],
      );
    });
  }
});
