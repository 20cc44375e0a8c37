import * as net from "node:net";
import { type FleetContext, managerStatefulSetSpec, planFleet } from "../../../model/fleet";
import { DATA_KEYS } from "../../../model/fleet/constants";
import { fleetConfig } from "../../helpers/fleet";
import type { PodSpec } from "./manager-pod";

export interface RenderedManager {
  /** The pod template of the manager StatefulSet, as the component creates it. */
  podSpec: PodSpec;
  /** The fleet's config.toml, as its ConfigMap holds it. */
  configToml: string;
  /** `secret/key` of the runner token, as the pod's secretKeyRef names it. */
  tokenRef: string;
  namespace: string;
  /** The StatefulSet's name: its pods are `<name>-0`, `<name>-1`, … */
  statefulSet: string;
}

/** The default fleet's manager, planned against a GitLab at `gitlabUrl` and serving metrics on `metricsPort`. */
export function renderedManager(gitlabUrl: string, metricsPort: number): RenderedManager {
  const fleet = fleetConfig({ manager: { metricsPort } });
  const context: FleetContext = {
    stack: "runner-test",
    gitlab: { url: gitlabUrl, defaultGroup: "platform" },
    managerNamespace: "gitlab-runner",
    hostAliases: [],
    runnerImage: { repository: "registry.gitlab.com/gitlab-org/gitlab-runner", version: "v19.3.0" },
    credentials: [],
  };
  const plan = planFleet(fleet, context);
  const spec = managerStatefulSetSpec({ ...plan.manager, runnerRevision: "1" });
  return {
    // Plain values throughout (the runner revision is the only Input, given here as text).
    podSpec: JSON.parse(JSON.stringify((spec.template as { spec: unknown }).spec)) as PodSpec,
    configToml: plan.configToml,
    tokenRef: `${plan.manager.tokenSecret}/${DATA_KEYS.runnerToken}`,
    namespace: plan.managerNamespace,
    statefulSet: plan.names.manager,
  };
}

/** A port nothing listens on right now (the test machine is shared: never a fixed one). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

export async function waitFor(what: string, condition: () => boolean | Promise<boolean>, timeoutMs = 20000) {
  const end = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** The runner's Prometheus metrics as name{labels} → value. */
export async function metrics(port: number): Promise<Map<string, number>> {
  const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
  return new Map(
    text
      .split("\n")
      .filter((line) => line && !line.startsWith("#"))
      .map((line) => {
        const space = line.lastIndexOf(" ");
        return [line.slice(0, space), Number(line.slice(space + 1))] as [string, number];
      }),
  );
}

export async function metricsText(port: number): Promise<string> {
  return (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
}
