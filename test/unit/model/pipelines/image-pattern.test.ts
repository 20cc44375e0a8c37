import * as assert from "node:assert/strict";
import { matchesImagePattern } from "../../../../model/pipelines";

describe("matchesImagePattern: the runner's allowed_images globbing", () => {
  const cases: [string, string, boolean][] = [
    ["alpine:*", "alpine:3.20.3", true],
    ["alpine:*", "alpine/k8s:1.34.1", false],
    ["maven:*", "maven:3.9.11-eclipse-temurin-21", true],
    ["harbor.example.com/**/*", "harbor.example.com/tools/kubectl:1.34.4", true],
    ["harbor.example.com/**/*", "harbor.example.com/mirror/library/maven:3.9.11", true],
    ["harbor.example.com/**/*", "harbor.example.com/maven:3", true],
    ["harbor.example.com/**/*", "harbor.example.com.evil.io/x:1", false],
    ["harbor.example.com/**/*", "docker.io/harbor.example.com/x:1", false],
    ["gcr.io/kaniko-project/executor:*", "gcr.io/kaniko-project/executor:v1.23.2-debug", true],
    ["gcr.io/kaniko-project/executor:*", "gcr.io/kaniko-project/warmer:v1.23.2", false],
    ["docker:*-dind", "docker:27.5.1-dind", true],
    ["docker:*-dind", "docker:27.5.1-cli", false],
    ["node:{20,22}-alpine", "node:22-alpine", true],
    ["node:{20,22}-alpine", "node:18-alpine", false],
    ["registry.local/app:v?", "registry.local/app:v1", true],
    ["registry.local/app:v[0-9]", "registry.local/app:vx", false],
    ["registry.local/**", "registry.local/a/b/c:1", true],
  ];
  for (const [pattern, image, expected] of cases) {
    it(`${pattern} ${expected ? "matches" : "does not match"} ${image}`, () => {
      assert.equal(matchesImagePattern(pattern, image), expected);
    });
  }
});
