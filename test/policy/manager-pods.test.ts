import {
  managerPodsHelperImagePinned,
  managerPodsPinnedImages,
  managerPodsResources,
  managerPodsRestricted,
} from "../../policy/rules/manager-pods";
import { UNKNOWN } from "../../policy/view";
import { assertFlags, assertPasses } from "./check";
import { managerStatefulSet, resourceWith, withJobSetting } from "./fixtures";

const POD = "spec.template.spec";
const RUNNER = `${POD}.containers.0`;
const NAME = "build-manager";

function managerWith(path: string, value: unknown) {
  return resourceWith(managerStatefulSet(), path, value);
}

describe("policy: manager pods", () => {
  it("the platform's hardened manager passes every manager rule", () => {
    for (const rule of [managerPodsRestricted, managerPodsResources, managerPodsPinnedImages])
      assertPasses(rule, [managerStatefulSet()]);
  });

  const restrictedBreaks: Array<[string, unknown, RegExp]> = [
    [`${RUNNER}.securityContext.privileged`, true, /privileged is true/],
    [`${RUNNER}.securityContext.allowPrivilegeEscalation`, true, /allowPrivilegeEscalation is not false/],
    [`${RUNNER}.securityContext.capabilities`, { drop: ["NET_RAW"] }, /does not drop "ALL"/],
    [`${RUNNER}.securityContext.capabilities.add`, ["SYS_ADMIN"], /adds SYS_ADMIN/],
    [`${RUNNER}.securityContext.seccompProfile`, { type: "Unconfined" }, /"Unconfined"/],
    [`${RUNNER}.securityContext.runAsUser`, 0, /runAsUser is 0/],
    [`${POD}.hostNetwork`, true, /hostNetwork is true/],
    [`${POD}.volumes.0`, { name: "sock", hostPath: { path: "/var/run/docker.sock" } }, /host path/],
  ];
  for (const [path, value, mentions] of restrictedBreaks) {
    it(`a manager with ${path.replace(`${POD}.`, "")} = ${JSON.stringify(value)} breaks "restricted"`, () => {
      assertFlags(managerPodsRestricted, [managerWith(path, value)], { resource: NAME, mentions });
    });
  }

  it("runAsNonRoot missing on both pod and container is flagged", () => {
    const manager = resourceWith(
      managerWith(`${RUNNER}.securityContext.runAsNonRoot`, undefined),
      `${POD}.securityContext.runAsNonRoot`,
      undefined,
    );
    assertFlags(managerPodsRestricted, [manager], { resource: NAME, mentions: /runAsNonRoot is not true/ });
  });

  it("a manager pod spec unknown at preview is reported as could not check", () => {
    assertFlags(managerPodsRestricted, [managerWith("spec", UNKNOWN)], {
      resource: NAME,
      mentions: /unknown at preview/,
      couldNotCheck: true,
    });
  });

  it("missing requests or memory limit on a manager container are flagged in prod", () => {
    for (const key of ["requests.cpu", "requests.memory", "limits.memory"]) {
      assertFlags(managerPodsResources, [managerWith(`${RUNNER}.resources.${key}`, undefined)], {
        resource: NAME,
        mentions: new RegExp(key.replace(".", "\\.")),
      });
    }
  });

  it("latest, untagged and variable-tagged manager images are flagged; a digest passes", () => {
    for (const [image, mentions] of [
      ["gitlab/gitlab-runner:latest", /moves/],
      ["gitlab/gitlab-runner", /no tag/],
      ["gitlab/gitlab-runner:alpine-latest", /moves/],
      ["registry:5000/gitlab-runner", /no tag/],
    ] as const) {
      assertFlags(managerPodsPinnedImages, [managerWith(`${RUNNER}.image`, image)], {
        resource: NAME,
        mentions,
      });
    }
    assertPasses(managerPodsPinnedImages, [
      managerWith(`${RUNNER}.image`, `gitlab/gitlab-runner@sha256:${"a".repeat(64)}`),
    ]);
  });

  it("a helper_image or default job image on latest is flagged; pinned ones and the default helper pass", () => {
    assertFlags(
      managerPodsHelperImagePinned,
      [withJobSetting("helper_image", "gitlab/gitlab-runner-helper:x86_64-latest")],
      { resource: "build-config", mentions: /helper_image/ },
    );
    assertFlags(managerPodsHelperImagePinned, [withJobSetting("image", "alpine:latest")], {
      resource: "build-config",
      mentions: /image "alpine:latest"/,
    });
    assertPasses(managerPodsHelperImagePinned, [
      withJobSetting(
        "helper_image",
        "registry.gitlab.com/gitlab-org/gitlab-runner/gitlab-runner-helper:x86_64-v19.3.0",
      ),
    ]);
    assertPasses(managerPodsHelperImagePinned, [withJobSetting("helper_image", undefined)]);
  });
});
