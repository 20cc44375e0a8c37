import { jobPodsAllowedServices } from "../../policy/rules/job-pod-images";
import { UNKNOWN } from "../../policy/view";
import { assertFlags, assertPasses } from "./check";
import { passingStack, withJobSetting } from "./fixtures";

const RESOURCE = "build-config";

describe("policy: images jobs may run as services", () => {
  it("a runner that lists its service images passes, in dev and prod", () => {
    assertPasses(jobPodsAllowedServices, passingStack("prod"), "prod");
    assertPasses(jobPodsAllowedServices, passingStack("dev"), "dev");
  });

  it("a runner without allowed_services is flagged even when it lists allowed_images", () => {
    assertFlags(jobPodsAllowedServices, [withJobSetting("allowed_services", undefined)], {
      resource: RESOURCE,
      mentions: /allowed_services is not set: the runner then admits every image as a service/,
    });
  });

  it("a service pattern that admits every image is flagged", () => {
    assertFlags(jobPodsAllowedServices, [withJobSetting("allowed_services", ["*/**"])], {
      resource: RESOURCE,
      mentions: /contains "\*\/\*\*", which allows every image/,
    });
  });

  it("a config.toml unknown at preview is reported as could not check", () => {
    const unknown = { ...withJobSetting("allowed_services", undefined) };
    unknown.props = { ...unknown.props, data: { "config.toml": UNKNOWN } };
    assertFlags(jobPodsAllowedServices, [unknown], {
      resource: RESOURCE,
      mentions: /unknown at preview/,
      couldNotCheck: true,
    });
  });
});
