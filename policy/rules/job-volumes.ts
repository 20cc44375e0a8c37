import { kubernetesOf, runnerPath } from "../config-toml";
import { JobStore, jobStores, overlaps } from "../job-stores";
import { MANDATORY, StackRule } from "../rule";
import { Fleet, fleetsOf } from "../stack-index";
import { Finding, ResourceView, describe, isUnknown } from "../view";
import { unreadableFleet } from "./fleet-findings";

type Located = Finding & { resource: ResourceView };

/** A store one runner entry mounts, with where it is mounted. */
interface Mount {
  fleet: Fleet;
  where: string;
  store: JobStore;
}

function mountsOf(fleet: Fleet, resources: ResourceView[]): Mount[] {
  if (fleet.config.state !== "parsed") return [];
  return fleet.config.config.runners.flatMap((runner, index) =>
    jobStores(resources, kubernetesOf(runner)).map((store) => ({
      fleet,
      where: `${describe(fleet.configMap)}: ${runnerPath(runner, index)}`,
      store,
    })),
  );
}

/** Who a fleet's jobs are: its runner's owner and whether it takes unprotected jobs; undefined when unknown. */
function trustOf(fleet: Fleet): string | undefined {
  const props = fleet.runner?.props;
  if (!props) return undefined;
  const values = [props.runnerType, props.groupId, props.projectId, props.accessLevel];
  if (values.some(isUnknown)) return undefined;
  const owner =
    props.runnerType === "instance_type"
      ? "the instance"
      : `${props.runnerType === "project_type" ? "project" : "group"} ${String(props.projectId ?? props.groupId)}`;
  return `${owner}, ${props.accessLevel === "ref_protected" ? "protected refs" : "any ref"}`;
}

function instanceFinding(mount: Mount): Located {
  return {
    resource: mount.fleet.configMap,
    field: "data.config.toml",
    message: `${mount.where} mounts ${mount.store.label} writable on an instance runner: every project on the instance writes what the others read — mount it read_only, or give the fleet a group or project scope (a distributed cache keeps projects apart)`,
  };
}

function sharedFinding(mount: Mount, other: Mount, trust: string, otherTrust: string): Located {
  return {
    resource: mount.fleet.configMap,
    field: "data.config.toml",
    message: `${mount.where} writes ${mount.store.label} (jobs of ${trust}), which ${describe(other.fleet.configMap)} also mounts (jobs of ${otherTrust}) — give each fleet a store or sub_path of its own, or mount it read_only where it is shared`,
  };
}

function unknownTrust(mount: Mount): Located {
  return {
    resource: mount.fleet.configMap,
    field: "data.config.toml",
    couldNotCheck: true,
    message: `${mount.where} mounts ${mount.store.label} writable, but its GitLab runner's scope or access level is not known here, so who else writes it could not be checked — create the runner beside the fleet from values known at preview`,
  };
}

function mountFindings(mount: Mount, all: Mount[]): Located[] {
  if (!mount.store.writable) return [];
  const trust = trustOf(mount.fleet);
  if (trust === undefined) return [unknownTrust(mount)];
  if (mount.fleet.runner?.props.runnerType === "instance_type") return [instanceFinding(mount)];
  return all
    .filter((other) => other.fleet !== mount.fleet && overlaps(mount.store, other.store))
    .flatMap((other) => {
      const otherTrust = trustOf(other.fleet);
      return otherTrust !== undefined && otherTrust !== trust
        ? [sharedFinding(mount, other, trust, otherTrust)]
        : [];
    });
}

export const jobPodsNoSharedWritableVolumes: StackRule = {
  kind: "stack",
  name: "job-pods-no-shared-writable-volumes",
  threats: ["DEV-17"],
  description:
    "Storage that outlives a job is writable only within one owner and protection level: never on an instance runner, never shared with a fleet of another owner or protection level.",
  severity: "high",
  enforcement: MANDATORY,
  checkStack(resources) {
    const fleets = fleetsOf(resources);
    const all = fleets.flatMap((fleet) => mountsOf(fleet, resources));
    return [
      ...fleets.flatMap((fleet) => unreadableFleet(fleet, "the volumes its jobs share")),
      ...all.flatMap((mount) => mountFindings(mount, all)),
    ];
  },
};
