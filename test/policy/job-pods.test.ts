import * as assert from "node:assert/strict";
import { analyzeResources } from "../../policy/analyze";
import { jobPodsBoundedOverwrites } from "../../policy/rules/job-pod-overwrites";
import { jobPodsNonRootWhereRequired, jobPodsSharedPullPolicy } from "../../policy/rules/job-pod-scope";
import {
  jobPodsActiveDeadline,
  jobPodsAllowedImages,
  jobPodsNoDangerousCapabilities,
  jobPodsNoHostPath,
  jobPodsNoPrivileged,
  jobPodsNoUnconfinedProfiles,
  jobPodsResourceLimits,
} from "../../policy/rules/job-pods";
import { UNKNOWN } from "../../policy/view";
import { assertFlags, assertPasses } from "./check";
import {
  namespace,
  passingRunnerConfig,
  passingStack,
  replace,
  runnerConfigMap,
  userRunner,
  resourceWith,
  view,
  withField,
  withJobSetting,
} from "./fixtures";

const RESOURCE = "build-config";

describe("policy: job pods (config.toml)", () => {
  it("the passing runner config passes every job pod rule in dev and prod", () => {
    const rules = [
      jobPodsNoPrivileged,
      jobPodsNoHostPath,
      jobPodsNoDangerousCapabilities,
      jobPodsNoUnconfinedProfiles,
      jobPodsResourceLimits,
      jobPodsBoundedOverwrites,
      jobPodsAllowedImages,
      jobPodsActiveDeadline,
      jobPodsSharedPullPolicy,
      jobPodsNonRootWhereRequired,
    ];
    for (const rule of rules) {
      assertPasses(rule, passingStack("prod"), "prod");
      assertPasses(rule, passingStack("dev"), "dev");
    }
  });

  it("privileged = true is flagged", () => {
    assertFlags(jobPodsNoPrivileged, [withJobSetting("privileged", true)], {
      resource: RESOURCE,
      mentions: /privileged is true/,
    });
  });

  it("a privileged or escalating container security context is flagged", () => {
    assertFlags(jobPodsNoPrivileged, [withJobSetting("build_container_security_context.privileged", true)], {
      resource: RESOURCE,
      mentions: /build_container_security_context\.privileged/,
    });
    assertFlags(
      jobPodsNoPrivileged,
      [withJobSetting("helper_container_security_context.allow_privilege_escalation", true)],
      { resource: RESOURCE, mentions: /allow_privilege_escalation/ },
    );
    assertFlags(jobPodsNoPrivileged, [withJobSetting("allow_privilege_escalation", true)], {
      resource: RESOURCE,
      mentions: /allow_privilege_escalation is true for every job container/,
    });
  });

  it("a host path is flagged, docker.sock with its own explanation", () => {
    const sock = withJobSetting("volumes.host_path", [
      { name: "docker", mount_path: "/var/run/docker.sock", host_path: "/var/run/docker.sock" },
    ]);
    assertFlags(jobPodsNoHostPath, [sock], { resource: RESOURCE, mentions: /docker\.sock/ });
    const other = withJobSetting("volumes.host_path", [
      { name: "m2", mount_path: "/root/.m2", host_path: "/data/m2" },
    ]);
    assertFlags(jobPodsNoHostPath, [other], { resource: RESOURCE, mentions: /host path \/data\/m2/ });
  });

  it("dangerous capabilities in cap_add or a security context are flagged; baseline ones are not", () => {
    assertFlags(jobPodsNoDangerousCapabilities, [withJobSetting("cap_add", ["SYS_ADMIN"])], {
      resource: RESOURCE,
      mentions: /adds SYS_ADMIN/,
    });
    assertFlags(
      jobPodsNoDangerousCapabilities,
      [withJobSetting("build_container_security_context.capabilities.add", ["CAP_NET_ADMIN"])],
      { resource: RESOURCE, mentions: /NET_ADMIN/ },
    );
    assertPasses(jobPodsNoDangerousCapabilities, [
      withJobSetting("cap_add", ["CHOWN", "SETUID", "SETGID", "FOWNER", "DAC_OVERRIDE"]),
    ]);
  });

  it("an Unconfined seccomp or AppArmor profile is flagged", () => {
    assertFlags(
      jobPodsNoUnconfinedProfiles,
      [withJobSetting("pod_security_context.seccomp_profile.type", "Unconfined")],
      { resource: RESOURCE, mentions: /seccomp_profile/ },
    );
    assertFlags(
      jobPodsNoUnconfinedProfiles,
      [withJobSetting("build_container_security_context.app_armor_profile", { type: "Unconfined" })],
      { resource: RESOURCE, mentions: /app_armor_profile/ },
    );
    assertFlags(
      jobPodsNoUnconfinedProfiles,
      [
        withJobSetting("pod_annotations", {
          "container.apparmor.security.beta.kubernetes.io/build": "unconfined",
        }),
      ],
      { resource: RESOURCE, mentions: /pod_annotations/ },
    );
  });

  it("root jobs in a namespace that enforces restricted are flagged; in a baseline namespace they are not", () => {
    const rootConfig = withField(passingRunnerConfig(), "runners.0.kubernetes.pod_security_context", {
      run_as_user: 0,
    });
    const rootBuild = withField(
      rootConfig,
      "runners.0.kubernetes.build_container_security_context.run_as_non_root",
      undefined,
    );
    const stack = replace(passingStack(), runnerConfigMap(rootBuild));
    assertFlags(jobPodsNonRootWhereRequired, stack, { resource: RESOURCE, mentions: /run_as_user is 0/ });
    assertPasses(jobPodsNonRootWhereRequired, replace(stack, namespace("ci-build", "ci-jobs", "baseline")));
  });

  it("a job namespace this stack does not define is reported as could not check", () => {
    const stack = replace(passingStack(), withJobSetting("namespace", "elsewhere"));
    assertFlags(jobPodsNonRootWhereRequired, stack, {
      resource: RESOURCE,
      mentions: /does not define/,
      couldNotCheck: true,
    });
  });

  it("missing CPU or memory limits are flagged in every environment", () => {
    for (const key of ["cpu_limit", "memory_limit"]) {
      assertFlags(
        jobPodsResourceLimits,
        [withJobSetting(key, undefined, "dev")],
        { resource: RESOURCE, mentions: new RegExp(`${key} is not set`) },
        "dev",
      );
    }
  });

  it("missing helper limits are flagged in prod only (prod is stricter)", () => {
    const config = withJobSetting("helper_memory_limit", undefined, "prod");
    assertFlags(jobPodsResourceLimits, [config], {
      resource: RESOURCE,
      mentions: /helper_memory_limit is not set \(required in prod\)/,
    });
    assertPasses(jobPodsResourceLimits, [withJobSetting("helper_memory_limit", undefined, "dev")], "dev");
  });

  it("an overwrite maximum above the ceiling is flagged; within it passes", () => {
    assertFlags(jobPodsBoundedOverwrites, [withJobSetting("memory_limit_overwrite_max_allowed", "64Gi")], {
      resource: RESOURCE,
      mentions: /64Gi/,
    });
    assertPasses(jobPodsBoundedOverwrites, [withJobSetting("cpu_limit_overwrite_max_allowed", "4")]);
  });

  it("match-all overwrite patterns and bearer token overwrites are flagged", () => {
    assertFlags(jobPodsBoundedOverwrites, [withJobSetting("namespace_overwrite_allowed", ".*")], {
      resource: RESOURCE,
      mentions: /namespace_overwrite_allowed/,
    });
    assertFlags(jobPodsBoundedOverwrites, [withJobSetting("bearer_token_overwrite_allowed", true)], {
      resource: RESOURCE,
      mentions: /bearer_token/,
    });
    assertPasses(jobPodsBoundedOverwrites, [
      withJobSetting("namespace_overwrite_allowed", "^ci-build-[a-z]+$"),
    ]);
  });

  it("the overwrite ceiling comes from the policy config", () => {
    const resources = [withJobSetting("memory_limit_overwrite_max_allowed", "12Gi")];
    const rules = [jobPodsBoundedOverwrites];
    assert.equal(analyzeResources(resources, "prod", { rules }).mandatory, 1);
    const config = { "job-pods-bounded-overwrites": { overwriteMax: { memory: "16Gi" } } };
    assert.equal(analyzeResources(resources, "prod", { rules, config }).violations.length, 0);
  });

  it("a shared runner pulling if-not-present without allowed_pull_policies is flagged", () => {
    const config = withField(passingRunnerConfig(), "runners.0.kubernetes.allowed_pull_policies", undefined);
    const stack = replace(
      passingStack(),
      runnerConfigMap(withField(config, "runners.0.kubernetes.pull_policy", ["if-not-present"])),
    );
    assertFlags(jobPodsSharedPullPolicy, stack, { resource: RESOURCE, mentions: /allowed_pull_policies/ });
    const projectRunner = resourceWith(userRunner(), "runnerType", "project_type");
    assertPasses(jobPodsSharedPullPolicy, replace(stack, projectRunner));
  });

  it("a runner without allowed_images, or allowing every image, is flagged", () => {
    assertFlags(jobPodsAllowedImages, [withJobSetting("allowed_images", undefined)], {
      resource: RESOURCE,
      mentions: /allowed_images is not set/,
    });
    assertFlags(jobPodsAllowedImages, [withJobSetting("allowed_images", ["**/*"])], {
      resource: RESOURCE,
      mentions: /allows every image/,
    });
  });

  it("FF_USE_POD_ACTIVE_DEADLINE_SECONDS = false is flagged, whatever the key's case", () => {
    const config = withField(passingRunnerConfig(), "runners.0.feature_flags", {
      FF_USE_POD_ACTIVE_DEADLINE_SECONDS: false,
    });
    assertFlags(jobPodsActiveDeadline, [runnerConfigMap(config)], {
      resource: RESOURCE,
      mentions: /FF_USE_POD_ACTIVE_DEADLINE_SECONDS/,
    });
  });

  it("a config.toml that is unknown or not TOML is reported as could not check", () => {
    const unknown = view("kubernetes:core/v1:ConfigMap", RESOURCE, { data: { "config.toml": UNKNOWN } });
    assertFlags(jobPodsNoPrivileged, [unknown], {
      resource: RESOURCE,
      mentions: /unknown at preview/,
      couldNotCheck: true,
    });
    const broken = view("kubernetes:core/v1:ConfigMap", RESOURCE, {
      data: { "config.toml": "[[runners]\nname=" },
    });
    assertFlags(jobPodsAllowedImages, [broken], {
      resource: RESOURCE,
      mentions: /does not parse/,
      couldNotCheck: true,
    });
  });
});
