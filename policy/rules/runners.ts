import { fleetCredentials } from "../fleet-credentials";
import { MANDATORY, StackRule } from "../rule";
import { Fleet, fleetsOf } from "../stack-index";
import { Finding, ResourceView, asArray, describe, isUnknown, unknownFinding } from "../view";

type Located = Finding & { resource: ResourceView };

function missingRunner(fleet: Fleet, policyField: string): Located[] {
  return [
    {
      resource: fleet.configMap,
      field: policyField,
      couldNotCheck: true,
      message: `${describe(fleet.configMap)}: its jobs receive push or deploy credentials, but no GitLab runner (gitlab:index/userRunner:UserRunner) was found beside it, so ${policyField} could not be checked — create the runner in the same component`,
    },
  ];
}

function credentialedFleets(resources: ResourceView[]) {
  return fleetsOf(resources)
    .map((fleet) => ({ fleet, ...fleetCredentials(fleet, resources) }))
    .filter(({ credentials }) => credentials.length > 0);
}

/** Fleets whose jobs may receive an API token the stack cannot judge (an account it does not define). */
function undecidedFleets(resources: ResourceView[]) {
  return fleetsOf(resources)
    .map((fleet) => ({ fleet, ...fleetCredentials(fleet, resources) }))
    .filter(({ credentials, unknown }) => credentials.length === 0 && unknown.length > 0);
}

function undecided(fleet: Fleet, unknown: string[]): Located[] {
  const runner = fleet.runner;
  if (runner?.props.accessLevel === "ref_protected") return [];
  const resource = runner ?? fleet.configMap;
  return [
    {
      resource,
      field: runner ? "accessLevel" : "data.config.toml",
      couldNotCheck: true,
      message: `${describe(resource)} runs jobs of any branch, and ${unknown.join("; ")} — set automount_service_account_token = false (fleet jobServiceAccountToken: false), or define the account in this stack`,
    },
  ];
}

export const runnersProtectCredentialedFleets: StackRule = {
  kind: "stack",
  name: "runners-protect-credentialed-fleets",
  threats: ["DEV-19", "DEV-5"],
  description:
    "Runners whose jobs receive credentials (a mounted Secret, an API token with rights, a cloud role) run only for protected branches and tags.",
  severity: "critical",
  enforcement: MANDATORY,
  checkStack(resources) {
    const undecidedFindings = undecidedFleets(resources).flatMap(({ fleet, unknown }) =>
      undecided(fleet, unknown),
    );
    return credentialedFleets(resources)
      .flatMap(({ fleet, credentials }): Located[] => {
        const runner = fleet.runner;
        if (!runner) return missingRunner(fleet, "accessLevel");
        const level = runner.props.accessLevel;
        if (isUnknown(level)) {
          return [
            {
              resource: runner,
              field: "accessLevel",
              couldNotCheck: true,
              message: `${describe(runner)}: accessLevel is unknown at preview — set it to "ref_protected"`,
            },
          ];
        }
        if (level === "ref_protected") return [];
        return [
          {
            resource: runner,
            field: "accessLevel",
            message: `${describe(runner)} runs jobs of any branch (accessLevel "${String(level ?? "not_protected")}") while they receive ${credentials.join("; ")} — set protected: true on the fleet (accessLevel "ref_protected")`,
          },
        ];
      })
      .concat(undecidedFindings);
  },
};

function taggingFindings(runner: ResourceView, credentials: string[]): Finding[] {
  const why = `its jobs receive ${credentials.join("; ")}`;
  const findings: Finding[] = [];
  if (runner.props.untagged !== false) {
    findings.push({
      field: "untagged",
      message: `${describe(runner)} also runs untagged jobs while ${why} — set runUntagged: false so only jobs that ask for it by tag land there`,
    });
  }
  const tags = runner.props.tagLists;
  if (isUnknown(tags))
    findings.push(unknownFinding(runner, "tagLists", "set the fleet's tags in the stack file"));
  else if (asArray(tags).length === 0) {
    findings.push({
      field: "tagLists",
      message: `${describe(runner)} has no tags while ${why} — give it tags (e.g. deploy) that deploy jobs request`,
    });
  }
  if (runner.props.runnerType === "instance_type") {
    findings.push({
      field: "runnerType",
      message: `${describe(runner)} serves every project of the instance while ${why} — make it a group or project runner (fleet scope)`,
    });
  }
  if (runner.props.runnerType === "project_type" && runner.props.locked !== true) {
    findings.push({
      field: "locked",
      message: `${describe(runner)} is a project runner that other projects can enable while ${why} — set locked: true`,
    });
  }
  return findings;
}

export const runnersCredentialedTaggedLocked: StackRule = {
  kind: "stack",
  name: "runners-credentialed-tagged-locked",
  threats: ["DEV-20", "MAINT-4"],
  description:
    "Runners that can push or deploy are tagged, take no untagged jobs, and serve one group or one locked project.",
  severity: "high",
  enforcement: MANDATORY,
  checkStack(resources) {
    return credentialedFleets(resources).flatMap(({ fleet, credentials }): Located[] => {
      const runner = fleet.runner;
      if (!runner) return missingRunner(fleet, "untagged");
      return taggingFindings(runner, credentials).map((finding) => ({ ...finding, resource: runner }));
    });
  },
};
