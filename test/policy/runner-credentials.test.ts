import {
  runnersCredentialedTaggedLocked,
  runnersProtectCredentialedFleets,
} from "../../policy/rules/runners";
import { UNKNOWN } from "../../policy/view";
import { assertFlags, assertPasses } from "./check";
import { jobConfig, roleBinding, serviceAccount } from "./fixture-access";
import { passingStack, replace, resourceWith, runnerConfigMap, userRunner, withField } from "./fixtures";

const RUNNER = "build-runner";

/** The passing stack with an unprotected runner and a fleet config without the push credential, then changed. */
function unprotected(
  change: (config: Record<string, unknown>) => Record<string, unknown>,
  extra = passingStack().slice(0, 0),
) {
  const config = change(jobConfig("volumes", {}));
  const stack = replace(passingStack(), runnerConfigMap(config));
  return [...replace(stack, resourceWith(userRunner(), "accessLevel", "not_protected")), ...extra];
}

const set = (key: string, value: unknown) => (config: Record<string, unknown>) =>
  withField(config, `runners.0.kubernetes.${key}`, value);

const jobsBinding = (subject: Record<string, unknown>) => roleBinding("jobs-deploy", "shop", [subject]);

describe("policy: what a fleet's jobs receive (credentials the runner rules protect)", () => {
  it("jobs without a token, or with a token of an account that holds no rights, pass on an unprotected fleet", () => {
    assertPasses(
      runnersProtectCredentialedFleets,
      unprotected((c) => c),
    );
    assertPasses(
      runnersProtectCredentialedFleets,
      unprotected(set("automount_service_account_token", true), [serviceAccount("build-jobs", "ci-build")]),
    );
  });

  it("an unset automount mounts the token (Kubernetes' default): an account with rights is flagged", () => {
    const stack = unprotected(set("automount_service_account_token", undefined), [
      serviceAccount("build-jobs", "ci-build"),
      jobsBinding({ kind: "ServiceAccount", name: "build-jobs", namespace: "ci-build" }),
    ]);
    assertFlags(runnersProtectCredentialedFleets, stack, {
      resource: RUNNER,
      mentions: /API token of service account "build-jobs", bound by jobs-deploy/,
    });
  });

  it("an account that turns its own automount off keeps the token out when config.toml says nothing", () => {
    const stack = unprotected(set("automount_service_account_token", undefined), [
      serviceAccount("build-jobs", "ci-build", false),
      jobsBinding({ kind: "ServiceAccount", name: "build-jobs", namespace: "ci-build" }),
    ]);
    assertPasses(runnersProtectCredentialedFleets, stack);
  });

  it("a binding to every account of the job namespace (a group) gives the token rights", () => {
    const stack = unprotected(set("automount_service_account_token", true), [
      serviceAccount("build-jobs", "ci-build"),
      jobsBinding({ kind: "Group", name: "system:serviceaccounts:ci-build" }),
    ]);
    assertFlags(runnersProtectCredentialedFleets, stack, {
      resource: RUNNER,
      mentions: /bound by jobs-deploy/,
    });
  });

  it("an account an overwrite pattern reaches counts too, unless config.toml turns the token off", () => {
    const reach = set("service_account_overwrite_allowed", "^build-.*$");
    const deployer = [
      serviceAccount("build-deployer", "ci-build"),
      jobsBinding({ kind: "ServiceAccount", name: "build-deployer", namespace: "ci-build" }),
    ];
    assertPasses(runnersProtectCredentialedFleets, unprotected(reach, deployer));
    const withToken = (c: Record<string, unknown>) =>
      set("automount_service_account_token", undefined)(reach(c));
    assertFlags(runnersProtectCredentialedFleets, unprotected(withToken, deployer), {
      resource: RUNNER,
      mentions: /"build-deployer", bound by jobs-deploy/,
    });
  });

  it("a token of an account the stack does not define is reported as could not check", () => {
    assertFlags(
      runnersProtectCredentialedFleets,
      unprotected(set("automount_service_account_token", undefined)),
      {
        resource: RUNNER,
        mentions: /"build-jobs", which this stack does not define/,
        couldNotCheck: true,
      },
    );
  });

  it("a token beside a binding whose subjects are unknown at preview is reported as could not check", () => {
    const stack = unprotected(set("automount_service_account_token", true), [
      serviceAccount("build-jobs", "ci-build"),
      resourceWith(jobsBinding({ kind: "ServiceAccount", name: "other" }), "subjects", UNKNOWN),
    ]);
    assertFlags(runnersProtectCredentialedFleets, stack, {
      resource: RUNNER,
      mentions: /whom jobs-deploy bind is unknown at preview/,
      couldNotCheck: true,
    });
  });

  it("any mounted Secret (a Git SSH key) and an ECI RAM role are credentials", () => {
    const ssh = set("volumes.secret", [
      { name: "git-ssh", mount_path: "/etc/gitlab-ci/git-ssh", read_only: true },
    ]);
    assertFlags(runnersProtectCredentialedFleets, unprotected(ssh), {
      resource: RUNNER,
      mentions: /Secret "git-ssh" mounted at \/etc\/gitlab-ci\/git-ssh/,
    });
    const role = set("pod_annotations", { "k8s.aliyun.com/eci-ram-role-name": "ci-admin" });
    assertFlags(runnersProtectCredentialedFleets, unprotected(role), {
      resource: RUNNER,
      mentions: /the RAM role "ci-admin"/,
    });
  });

  it("a credentialed runner that serves every project on the instance is flagged", () => {
    const stack = replace(passingStack(), resourceWith(userRunner(), "runnerType", "instance_type"));
    assertFlags(runnersCredentialedTaggedLocked, stack, {
      resource: RUNNER,
      mentions: /serves every project of the instance/,
    });
  });
});
