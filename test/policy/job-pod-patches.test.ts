import { stringify } from "yaml";
import { jobPodsPodSpecPatches } from "../../policy/rules/job-pod-patches";
import { assertFlags, assertPasses } from "./check";
import { withJobSetting } from "./fixtures";

const RESOURCE = "build-config";

/** The passing config map with one strategic-merge pod_spec patch. */
function patched(patch: unknown, extra: Record<string, unknown> = {}) {
  return [
    withJobSetting("pod_spec", [
      { name: "extra", patch: stringify(patch), patch_type: "strategic", ...extra },
    ]),
  ];
}

/** What the platform's own ephemeralPvc builds volume patches in. */
const EPHEMERAL_BUILDS = {
  containers: [{ name: "build", volumeMounts: [{ name: "ephemeral-builds", mountPath: "/builds" }] }],
  volumes: [
    {
      name: "ephemeral-builds",
      ephemeral: {
        volumeClaimTemplate: {
          spec: { accessModes: ["ReadWriteOnce"], resources: { requests: { storage: "10Gi" } } },
        },
      },
    },
  ],
};

describe("policy: pod_spec patches of job pods", () => {
  it("a config without patches passes, and so do the platform's ephemeral builds volume and local volumes", () => {
    assertPasses(jobPodsPodSpecPatches, [withJobSetting("pod_spec", undefined)]);
    assertPasses(jobPodsPodSpecPatches, patched(EPHEMERAL_BUILDS));
    assertPasses(jobPodsPodSpecPatches, patched({ volumes: [{ name: "scratch", emptyDir: {} }] }));
  });

  it("host namespaces are flagged", () => {
    assertFlags(jobPodsPodSpecPatches, patched({ hostNetwork: true }), {
      resource: RESOURCE,
      mentions: /pod_spec "extra" hostNetwork shares the node's network/,
    });
  });

  it("a host path, an inline NFS volume and an API token projection are flagged", () => {
    assertFlags(jobPodsPodSpecPatches, patched({ volumes: [{ name: "root", hostPath: { path: "/" } }] }), {
      resource: RESOURCE,
      mentions: /volumes "root" mounts a host path/,
    });
    assertFlags(
      jobPodsPodSpecPatches,
      patched({ volumes: [{ name: "data", nfs: { server: "nas", path: "/" } }] }),
      { resource: RESOURCE, mentions: /mounts a nfs volume past the fleet's volumes/ },
    );
    const token = { projected: { sources: [{ serviceAccountToken: { path: "token" } }] } };
    assertFlags(jobPodsPodSpecPatches, patched({ volumes: [{ name: "api", ...token }] }), {
      resource: RESOURCE,
      mentions: /mounts an API token/,
    });
  });

  it("an ephemeral volume cloned from another claim is flagged", () => {
    const cloned = structuredClone(EPHEMERAL_BUILDS);
    Object.assign(cloned.volumes[0].ephemeral.volumeClaimTemplate.spec, {
      dataSource: { kind: "PersistentVolumeClaim", name: "shop-data" },
    });
    assertFlags(jobPodsPodSpecPatches, patched(cloned), {
      resource: RESOURCE,
      mentions: /clones an existing claim or snapshot/,
    });
  });

  it("another service account, a mounted token, a node name and a catch-all toleration are flagged", () => {
    for (const [patch, mentions] of [
      [{ serviceAccountName: "deployer" }, /runs the pod as "deployer"/],
      [{ automountServiceAccountToken: true }, /mounts the pod's API token/],
      [{ nodeName: "node-1" }, /places the pod on node node-1/],
      [{ tolerations: [{ operator: "Exists" }] }, /tolerates every taint/],
    ] as const) {
      assertFlags(jobPodsPodSpecPatches, patched(patch), { resource: RESOURCE, mentions });
    }
  });

  it("a privileged container or an added SYS_ADMIN is flagged", () => {
    assertFlags(
      jobPodsPodSpecPatches,
      patched({ containers: [{ name: "build", securityContext: { privileged: true } }] }),
      { resource: RESOURCE, mentions: /containers "build"\.securityContext\.privileged is true/ },
    );
    assertFlags(
      jobPodsPodSpecPatches,
      patched({ containers: [{ name: "build", securityContext: { capabilities: { add: ["SYS_ADMIN"] } } }] }),
      { resource: RESOURCE, mentions: /adds SYS_ADMIN/ },
    );
  });

  it("a JSON patch is judged by what its operations add or replace", () => {
    const ops = [{ op: "add", path: "/hostPID", value: true }];
    assertFlags(jobPodsPodSpecPatches, patched(ops, { patch_type: "json" }), {
      resource: RESOURCE,
      mentions: /hostPID sees the node's processes/,
    });
    const harmless = [{ op: "add", path: "/volumes/-", value: { name: "tmp", emptyDir: {} } }];
    assertPasses(jobPodsPodSpecPatches, patched(harmless, { patch_type: "json" }));
  });

  it("a patch read from a file at run time is reported as could not check", () => {
    const fromFile = [withJobSetting("pod_spec", [{ name: "file", patch_path: "/etc/patch.yaml" }])];
    assertFlags(jobPodsPodSpecPatches, fromFile, {
      resource: RESOURCE,
      mentions: /read at run time from \/etc\/patch\.yaml/,
      couldNotCheck: true,
    });
  });
});
