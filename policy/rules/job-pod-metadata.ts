import { TomlTable, kubernetesOf, runnerPath } from "../config-toml";
import { AZURE_WORKLOAD_IDENTITY, ECI_RAM_ROLE_ANNOTATION } from "../identities";
import { overwritePattern } from "../overwrite-pattern";
import { MANDATORY, StackRule } from "../rule";
import { Fleet, fleetsOf } from "../stack-index";
import { Finding, ResourceView, asArray, asRecord, asString, at, describe } from "../view";
import { patternFinding, unreadableFleet } from "./fleet-findings";

type Located = Finding & { resource: ResourceView };

/** A value a job could set through an overwrite variable, and what it would gain. */
interface Probe {
  value: string;
  gains: string;
}

const ANNOTATION_PROBES: Probe[] = [
  {
    value: "container.apparmor.security.beta.kubernetes.io/build=unconfined",
    gains: "drop AppArmor confinement",
  },
  { value: `${ECI_RAM_ROLE_ANNOTATION}=any-role`, gains: "take any RAM role on ECI" },
  { value: "k8s.aliyun.com/eci-security-group=sg-any", gains: "join any ECI security group" },
];

const CONTROL_PLANE = "node-role.kubernetes.io/control-plane";

/** Labels a NetworkPolicy of the stack admits traffic from or to: wearing one opens that policy. */
function networkPolicyLabels(resources: ResourceView[]): Probe[] {
  return resources
    .filter((resource) => resource.type === "kubernetes:networking.k8s.io/v1:NetworkPolicy")
    .flatMap((policy) =>
      [...asArray(at(policy.props, "spec.ingress")), ...asArray(at(policy.props, "spec.egress"))]
        .flatMap((rule) => [...asArray(asRecord(rule)?.from), ...asArray(asRecord(rule)?.to)])
        .flatMap((peer) => Object.entries(asRecord(at(peer, "podSelector.matchLabels")) ?? {}))
        .map(([key, value]) => ({
          value: `${key}=${String(value)}`,
          gains: `pass NetworkPolicy ${policy.name}`,
        })),
    );
}

/** Whether a fleet's job pods can take over their node: its nodes are kept for it, not for other jobs. */
function ownsItsNodes(kubernetes: TomlTable): boolean {
  return kubernetes.privileged === true || asArray(at(kubernetes, "volumes.host_path")).length > 0;
}

/** Where the node-owning fleets' jobs run: their node selectors and tolerations, as a job would ask for them. */
function keptNodes(fleets: Fleet[], own: Fleet): { selectors: Probe[]; tolerations: Probe[] } {
  const others = fleets
    .filter((fleet) => fleet !== own && fleet.config.state === "parsed")
    .flatMap((fleet) => (fleet.config.state === "parsed" ? fleet.config.config.runners : []))
    .map(kubernetesOf)
    .filter(ownsItsNodes);
  const gains = "run on nodes kept for privileged jobs";
  return {
    selectors: others.flatMap((k) =>
      Object.entries(asRecord(k.node_selector) ?? {}).map(([key, value]) => ({
        value: `${key}=${String(value)}`,
        gains,
      })),
    ),
    tolerations: others.flatMap((k) =>
      Object.entries(asRecord(k.node_tolerations) ?? {}).map(([key, effect]) => ({
        value: `${key}:${String(effect)}`,
        gains,
      })),
    ),
  };
}

function probesFor(resources: ResourceView[], fleets: Fleet[], fleet: Fleet): Record<string, Probe[]> {
  const kept = keptNodes(fleets, fleet);
  return {
    pod_annotations_overwrite_allowed: ANNOTATION_PROBES,
    pod_labels_overwrite_allowed: [
      {
        value: `${AZURE_WORKLOAD_IDENTITY.podLabel}=true`,
        gains: "take its ServiceAccount's Azure identity",
      },
      ...networkPolicyLabels(resources),
    ],
    node_tolerations_overwrite_allowed: [
      { value: "", gains: "tolerate every taint (an empty toleration)" },
      { value: `${CONTROL_PLANE}:NoSchedule`, gains: "run on control-plane nodes" },
      ...kept.tolerations,
    ],
    node_selector_overwrite_allowed: [
      { value: `${CONTROL_PLANE}=`, gains: "select control-plane nodes" },
      ...kept.selectors,
    ],
  };
}

function runnerFindings(where: string, kubernetes: TomlTable, probes: Record<string, Probe[]>): Finding[] {
  return Object.entries(probes).flatMap(([key, candidates]): Finding[] => {
    const source = asString(kubernetes[key]);
    if (!source) return [];
    const pattern = overwritePattern(source);
    if (pattern.state === "unsupported") return [patternFinding(where, key, pattern)];
    const admitted = candidates.filter((probe) => pattern.admits(probe.value));
    return admitted.length === 0
      ? []
      : [
          {
            field: "data.config.toml",
            message: `${where} ${key} "${source}" admits ${admitted.map((p) => `"${p.value}" (${p.gains})`).join(", ")} — narrow it with ^…$ to the keys and values jobs really need`,
          },
        ];
  });
}

export const jobPodsMetadataOverwrites: StackRule = {
  kind: "stack",
  name: "job-pods-metadata-overwrites",
  threats: ["DEV-9", "DEV-10", "DEV-11"],
  description:
    "Label, annotation, node selector and toleration overwrites admit nothing that lifts confinement, grants an identity, opens a NetworkPolicy or reaches nodes kept for others.",
  severity: "high",
  enforcement: MANDATORY,
  checkStack(resources) {
    const fleets = fleetsOf(resources);
    return fleets.flatMap((fleet): Located[] => {
      if (fleet.config.state !== "parsed") return unreadableFleet(fleet, "its overwrite patterns");
      const probes = probesFor(resources, fleets, fleet);
      return fleet.config.config.runners
        .flatMap((runner, index) =>
          runnerFindings(
            `${describe(fleet.configMap)}: ${runnerPath(runner, index)} [runners.kubernetes]`,
            kubernetesOf(runner),
            probes,
          ),
        )
        .map((finding) => ({ ...finding, resource: fleet.configMap }));
    });
  },
};
