import * as assert from "node:assert/strict";
import { unpinnedReason } from "../../../model/images";

describe("unpinnedReason: an image is pinned by a digest or a tag that names a version", () => {
  const cases: [string, string | undefined][] = [
    ["alpine:3.20.3", undefined],
    ["gcr.io/kaniko-project/executor:v1.23.2-debug", undefined],
    ["harbor.example.com:8443/tools/kubectl:1.34.4", undefined],
    [`alpine@sha256:${"a".repeat(64)}`, undefined],
    ["alpine", "has no tag, so it means :latest"],
    ["harbor.example.com:8443/tools/kubectl", "has no tag, so it means :latest"],
    ["maven:latest", 'has tag "latest", which moves'],
    ["node:22-latest", 'has tag "22-latest", which moves'],
    ["docker:dind", 'has tag "dind", which names no version'],
    ["gcr.io/kaniko-project/executor:debug", 'has tag "debug", which names no version'],
    ["app:$CI_COMMIT_SHA", 'has tag "$CI_COMMIT_SHA", resolved only at run time'],
  ];
  for (const [image, reason] of cases) {
    it(`${image}: ${reason ?? "pinned"}`, () => assert.equal(unpinnedReason(image), reason));
  }
});
