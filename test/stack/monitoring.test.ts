import { strict as assert } from "node:assert";
import { parse } from "yaml";
import { MONITORING_FILES } from "../../model/monitoring";
import { stackNames, synthOnce } from "../helpers/synth";

interface Object {
  kind: string;
  metadata: { name: string; namespace: string; labels: Record<string, string> };
  spec?: { groups: { name: string }[] };
  data?: Record<string, string>;
}

describe("every stack's alerts and dashboard, as synth renders them", function () {
  this.timeout(60_000);
  for (const stack of stackNames()) {
    describe(`stack ${stack}`, () => {
      const objects = () => {
        const run = synthOnce(stack);
        assert.equal(run.status, 0, run.stderr);
        return {
          run,
          objects: [...run.files]
            .filter(([file]) => file.startsWith("k8s/"))
            .map(([, text]) => parse(text) as Object),
        };
      };

      it("the PrometheusRule holds a group per fleet, the same rules as synth's rule file", () => {
        const { run, objects: all } = objects();
        const rules = all.filter((o) => o.kind === "PrometheusRule");
        assert.equal(rules.length, 1, "the shipped stacks turn the Prometheus Operator on");
        const file = parse(run.files.get(MONITORING_FILES.rules)!) as { groups: unknown };
        assert.deepEqual(rules[0].spec?.groups, file.groups);
        const fleets = all
          .filter((o) => o.kind === "StatefulSet")
          .map((o) => o.metadata.name.replace(/-runner$/, ""));
        assert.deepEqual(
          rules[0].spec?.groups.map((g) => g.name).sort(),
          fleets.map((f) => `gitlab-runner-${f}`).sort(),
        );
        assert.equal(rules[0].metadata.labels.release, "kube-prometheus-stack");
      });

      it("the dashboard ConfigMap carries the sidecar's label and the dashboard synth writes for import", () => {
        const { run, objects: all } = objects();
        const [configMap] = all.filter(
          (o) => o.kind === "ConfigMap" && o.metadata.name === "gitlab-runner-dashboard",
        );
        assert.ok(configMap, "no dashboard ConfigMap");
        assert.equal(configMap.metadata.labels.grafana_dashboard, "1");
        assert.deepEqual(Object.values(configMap.data ?? {}), [run.files.get(MONITORING_FILES.dashboard)]);
      });

      it("summary.md lists each fleet's alerts", () => {
        const { run } = objects();
        assert.match(run.files.get("summary.md")!, /## Alerts\n\n\| fleet \| alert \| severity \| for \|/);
        assert.match(run.files.get("summary.md")!, /\| `GitLabRunnerManagerStalled` \| critical \| 5m \|/);
      });
    });
  }
});
