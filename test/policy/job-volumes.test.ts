import { jobPodsNoSharedWritableVolumes } from "../../policy/rules/job-volumes";
import { UNKNOWN } from "../../policy/view";
import { assertFlags, assertPasses } from "./check";
import { claim, generalFleet, persistentVolume } from "./fixture-access";
import {
  passingStack,
  replace,
  resourceWith,
  runnerConfigMap,
  withField,
  passingRunnerConfig,
} from "./fixtures";

const NFS = { name: "shared", mount_path: "/shared", server: "nas.example.com", path: "/ci" };

/** The passing stack whose (protected) build fleet also mounts these volumes. */
function buildMounts(volumes: Record<string, unknown>) {
  const config = withField(passingRunnerConfig(), "runners.0.kubernetes.volumes", {
    secret: [{ name: "build-registry", mount_path: "/kaniko/.docker", read_only: true }],
    ...volumes,
  });
  return replace(passingStack(), runnerConfigMap(config));
}

describe("policy: storage jobs write that outlives them", () => {
  it("one fleet writing its own claim passes: a fleet is one trust level", () => {
    assertPasses(jobPodsNoSharedWritableVolumes, [
      ...passingStack(),
      ...generalFleet({ "volumes.pvc": [{ name: "general-cache", mount_path: "/cache" }] }),
    ]);
  });

  it("a writable claim on an instance runner is flagged; read-only passes", () => {
    const pvc = (readOnly: boolean) => [{ name: "general-cache", mount_path: "/cache", read_only: readOnly }];
    assertFlags(
      jobPodsNoSharedWritableVolumes,
      [...passingStack(), ...generalFleet({ "volumes.pvc": pvc(false) }, { runnerType: "instance_type" })],
      { resource: "general-config", mentions: /claim general-cache writable on an instance runner/ },
    );
    assertPasses(jobPodsNoSharedWritableVolumes, [
      ...passingStack(),
      ...generalFleet({ "volumes.pvc": pvc(true) }, { runnerType: "instance_type" }),
    ]);
  });

  it("an NFS export written by a fleet of any ref and mounted by a protected one is flagged, on both sides", () => {
    const stack = [...buildMounts({ nfs: [NFS] }), ...generalFleet({ "volumes.nfs": [NFS] })];
    assertFlags(jobPodsNoSharedWritableVolumes, stack, {
      resource: "general-config",
      mentions:
        /writes NFS nas\.example\.com:\/ci \(jobs of group 42, any ref\), which build-config .*protected refs/,
    });
    assertFlags(jobPodsNoSharedWritableVolumes, stack, { resource: "build-config", mentions: /writes NFS/ });
  });

  it("a shared export every fleet mounts read-only passes, and so do distinct sub_paths of one export", () => {
    const readOnly = { ...NFS, read_only: true };
    assertPasses(jobPodsNoSharedWritableVolumes, [
      ...buildMounts({ nfs: [readOnly] }),
      ...generalFleet({ "volumes.nfs": [readOnly] }),
    ]);
    assertPasses(jobPodsNoSharedWritableVolumes, [
      ...buildMounts({ nfs: [{ ...NFS, sub_path: "build" }] }),
      ...generalFleet({ "volumes.nfs": [{ ...NFS, sub_path: "general" }] }),
    ]);
  });

  it("claims in different namespaces bound to volumes on the same NFS path share it", () => {
    const volume = (fleet: string, namespace: string) =>
      persistentVolume(`${namespace}-${fleet}-cache`, {
        nfs: { server: "nas.example.com", path: "/" },
        claimRef: { namespace, name: `${fleet}-cache` },
      });
    const stack = [
      ...buildMounts({ pvc: [{ name: "build-cache", mount_path: "/cache" }] }),
      ...generalFleet({ "volumes.pvc": [{ name: "general-cache", mount_path: "/cache" }] }),
      volume("build", "ci-build"),
      volume("general", "ci-general"),
      claim("build-cache", "ci-build"),
      claim("general-cache", "ci-general"),
    ];
    assertFlags(jobPodsNoSharedWritableVolumes, stack, {
      resource: "general-config",
      mentions: /writes claim general-cache/,
    });
  });

  it("a runner whose access level is unknown at preview is reported as could not check", () => {
    const [config, runner] = generalFleet({
      "volumes.pvc": [{ name: "general-cache", mount_path: "/cache" }],
    });
    assertFlags(
      jobPodsNoSharedWritableVolumes,
      [...passingStack(), config, resourceWith(runner, "accessLevel", UNKNOWN)],
      { resource: "general-config", mentions: /scope or access level is not known/, couldNotCheck: true },
    );
  });

  it("volumes whose NFS server is unknown at preview are judged as sharing it", () => {
    const volume = (fleet: string, namespace: string) =>
      persistentVolume(`${namespace}-${fleet}-cache`, {
        nfs: { server: UNKNOWN, path: "/" },
        claimRef: { namespace, name: `${fleet}-cache` },
      });
    const mounts = (subPath: string) => [
      { name: `${subPath}-cache`, mount_path: "/cache", sub_path: subPath },
    ];
    const stack = (generalPath: string) => [
      ...buildMounts({ pvc: mounts("build") }),
      ...generalFleet({ "volumes.pvc": [{ ...mounts("general")[0], sub_path: generalPath }] }),
      volume("build", "ci-build"),
      volume("general", "ci-general"),
    ];
    assertPasses(jobPodsNoSharedWritableVolumes, stack("general"));
    assertFlags(jobPodsNoSharedWritableVolumes, stack("build"), {
      resource: "general-config",
      mentions: /writes claim general-cache/,
    });
  });
});
