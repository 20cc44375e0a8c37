import * as fs from "node:fs";
import * as path from "node:path";
import { parse, stringify } from "yaml";

const PROJECT = "gitlab-ci-platform";

/**
 * A stack file with `fleets` runner fleets and `deployTargets` deploy targets, derived from Pulumi.dev.yaml: each
 * fleet its own runner, manager and job namespace, alternating the dev stack's general and kaniko fleets; the
 * applications alternate, as dev's do, between a KUBECONFIG variable and the dev stack's GitLab agent. Written as
 * Pulumi.<name>.yaml (the `*-test` names are ignored by git) and removed by the caller.
 */
export function writeScaleStack(root: string, name: string, fleets: number, deployTargets = 0): string {
  const dev = parse(fs.readFileSync(path.join(root, "Pulumi.dev.yaml"), "utf8")) as {
    config: Record<string, unknown>;
  };
  const templates = dev.config[`${PROJECT}:fleets`] as {
    name: string;
    kubernetes: Record<string, unknown>;
  }[];
  dev.config[`${PROJECT}:fleets`] = Array.from({ length: fleets }, (_, i) => {
    const template = structuredClone(templates[i % templates.length]);
    return {
      ...template,
      name: `${template.name}-${i}`,
      tags: [`${template.name}-${i}`],
      kubernetes: { ...template.kubernetes, namespace: `ci-bench-${i}` },
    };
  });
  dev.config[`${PROJECT}:applications`] = applications(deployTargets);
  const file = path.join(root, `Pulumi.${name}.yaml`);
  fs.writeFileSync(file, stringify(dev));
  return file;
}

/**
 * `targets` deploy targets: applications of two environments each (the last one alone when odd), every other one
 * through the agent (its projects in the agent's configuration project's top-level group, as GitLab requires).
 */
function applications(targets: number): Record<string, unknown>[] {
  return Array.from({ length: Math.ceil(targets / 2) }, (_, i) => ({
    name: `app-${i}`,
    project: `platform/app-${i}`,
    access: i % 2 === 0 ? "kubeconfig" : "agent",
    deploys: ["Deployment", "Service", "ConfigMap", "Ingress"],
    environments: [
      { name: "staging", namespace: `app-${i}-staging` },
      ...(2 * i + 1 < targets ? [{ name: "production", namespace: `app-${i}-prod` }] : []),
    ],
  }));
}
