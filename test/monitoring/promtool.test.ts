import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as os from "node:os";
import * as path from "node:path";
import { parse, stringify } from "yaml";
import {
  FLEET_PANELS,
  MONITORING_FILES,
  type AlertRule,
  alertRuleGroups,
  fleetMatchers,
  renderRuleFile,
} from "../../model/monitoring";
import { ROOT, stackNames, synthOnce } from "../helpers/synth";
import { CASES, SPEC, failed } from "./alert-cases";
import { promtool, promtoolOrSkip } from "./promtool";

const RULES = new Map<string, AlertRule>(
  alertRuleGroups(SPEC).flatMap((g) => g.rules.map((rule) => [rule.alert, rule])),
);

/** An expected alert: its labels, and its annotations with the description rendered as the case gives it. */
function expectedAlert(alert: string, expected: (typeof CASES)[number]["expected"][number]) {
  const { summary, runbook_url } = RULES.get(alert)!.annotations;
  return {
    exp_labels: expected.labels,
    exp_annotations: { summary, description: expected.description, runbook_url },
  };
}

/** The promtool unit-test file (`promtool test rules`) for the cases, over `rules.yaml` beside it. */
function unitTests(): string {
  return stringify(
    {
      rule_files: ["rules.yaml"],
      evaluation_interval: "1m",
      tests: CASES.map((c) => ({
        name: c.name,
        interval: "1m",
        input_series: c.input,
        alert_rule_test: [
          {
            eval_time: c.evalTime,
            alertname: c.alert,
            exp_alerts: c.expected.map((e) => expectedAlert(c.alert, e)),
          },
        ],
      })),
    },
    { lineWidth: 0 },
  );
}

describe("alerting rules, checked by the real promtool", function () {
  this.timeout(60_000);
  let binary: string;
  let dir: string;
  before(function () {
    binary = promtoolOrSkip(this);
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "promtool-"));
  });
  after(() => dir && fs.rmSync(dir, { recursive: true, force: true }));

  for (const stack of stackNames()) {
    it(`stack ${stack}: promtool check rules accepts synth's rule file and the PrometheusRule's groups`, () => {
      const run = synthOnce(stack);
      assert.equal(run.status, 0, run.stderr);
      const ruleFile = run.files.get(MONITORING_FILES.rules);
      assert.ok(ruleFile, `synth wrote no ${MONITORING_FILES.rules}`);
      const operator = [...run.files].filter(
        ([file, text]) => file.startsWith("k8s/") && /^kind: PrometheusRule$/m.test(text),
      );
      const files: Record<string, string> = { "rules.yaml": ruleFile };
      for (const [file, text] of operator) {
        files[`${path.basename(file)}.groups.yaml`] = stringify({
          groups: (parse(text) as { spec: { groups: unknown } }).spec.groups,
        });
      }
      for (const [name, text] of Object.entries(files)) {
        fs.writeFileSync(path.join(dir, name), text);
        const { status, output } = promtool(binary, ["check", "rules", name], dir);
        assert.equal(status, 0, `${name}:\n${output}`);
        assert.match(output, /SUCCESS: \d+ rules found/);
      }
    });
  }

  it("every alert fires on series shaped like the runner's scrape, and stays silent when it should (promtool test rules)", () => {
    fs.writeFileSync(
      path.join(dir, "rules.yaml"),
      renderRuleFile(alertRuleGroups(SPEC), ["promtool unit tests"]),
    );
    fs.writeFileSync(path.join(dir, "tests.yaml"), unitTests());
    const { status, output } = promtool(binary, ["test", "rules", "tests.yaml"], dir);
    assert.equal(status, 0, output);
    assert.match(output, /SUCCESS/);
  });

  it("the scrape job docs/alerts.md gives a Prometheus without the operator passes promtool check config, with a stack's rules", () => {
    const page = fs.readFileSync(path.join(ROOT, "docs/alerts.md"), "utf8");
    const job = /```yaml\n(scrape_configs:\n[\s\S]*?)```/.exec(page)?.[1];
    assert.ok(job, "docs/alerts.md has no scrape_configs block");
    const run = synthOnce("dev");
    fs.writeFileSync(path.join(dir, "stack.rules.yaml"), run.files.get(MONITORING_FILES.rules)!);
    fs.writeFileSync(path.join(dir, "prometheus.yml"), `rule_files: [stack.rules.yaml]\n${job}`);
    let { status, output } = promtool(binary, ["check", "config", "prometheus.yml"], dir);
    if (/field kubernetes_sd_configs not found/.test(output)) {
      // Debian's Prometheus is built without Kubernetes discovery: check the job's relabelling on static targets.
      const staticJob = job.replace(
        /kubernetes_sd_configs:\n(?: {6}.*\n)+/,
        "static_configs:\n      - targets: [localhost:9252]\n",
      );
      fs.writeFileSync(path.join(dir, "prometheus.yml"), `rule_files: [stack.rules.yaml]\n${staticJob}`);
      ({ status, output } = promtool(binary, ["check", "config", "prometheus.yml"], dir));
    }
    assert.equal(status, 0, output);
    assert.match(output, /SUCCESS: 1 rule files found/);
  });

  it("the Failed jobs by reason panel counts each reason's first failure in its step, at 1m steps (promtool test rules)", () => {
    const panel = FLEET_PANELS.find((p) => p.title === "Failed jobs by reason")!;
    const expr = panel.queries[0]
      .expr(fleetMatchers(SPEC.managerNamespace, "k8s"))
      .replaceAll("$__interval", "1m");
    const input = [failed("runner_system_failure", "_x5 1 1 3 3")];
    const tests = {
      rule_files: [],
      evaluation_interval: "1m",
      tests: [
        {
          interval: "1m",
          input_series: input,
          promql_expr_test: [
            ["4m", []],
            ["5m", [1]],
            ["6m", [0]],
            ["7m", [2]],
          ].map(([time, values]) => ({
            expr,
            eval_time: time,
            exp_samples: (values as number[]).map((value) => ({
              labels: '{failure_reason="runner_system_failure"}',
              value,
            })),
          })),
        },
      ],
    };
    fs.writeFileSync(path.join(dir, "panel-tests.yaml"), stringify(tests, { lineWidth: 0 }));
    const { status, output } = promtool(binary, ["test", "rules", "panel-tests.yaml"], dir);
    assert.equal(status, 0, output);
  });

  it("the cases cover every alert, each firing and silent", () => {
    for (const group of alertRuleGroups(SPEC).slice(0, 1)) {
      for (const rule of group.rules) {
        const cases = CASES.filter((c) => c.alert === rule.alert);
        assert.ok(
          cases.some((c) => c.expected.length > 0),
          `${rule.alert}: no case where it fires`,
        );
        assert.ok(
          cases.some((c) => c.expected.length === 0),
          `${rule.alert}: no case where it stays silent`,
        );
      }
    }
  });
});
