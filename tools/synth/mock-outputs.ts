import { createHash } from "node:crypto";

/** A stable small number from a name, so ids and invoke results are the same on every run. */
export function stableNumber(seed: string, min = 1000, span = 90000): number {
  return min + (createHash("sha256").update(seed).digest().readUInt32BE(0) % span);
}

/** Deterministic resource ids, shaped like the real ones where the shape matters to the program. */
export function mockId(type: string, name: string): string {
  if (type === "gitlab:index/userRunner:UserRunner") return String(stableNumber(`runner:${name}`));
  return `${name}-id`;
}

/** Outputs the provider computes (not echoed inputs), as plausible deterministic values. */
export function computedOutputs(
  type: string,
  name: string,
  _inputs: Record<string, unknown>,
): Record<string, unknown> {
  switch (type) {
    case "gitlab:index/userRunner:UserRunner":
      return { token: `glrt-synth-${stableNumber(`token:${name}`)}` };
    default:
      return {};
  }
}

/** Results of the provider functions the program calls. */
export function invokeResult(token: string, inputs: Record<string, unknown>): Record<string, unknown> {
  switch (token) {
    case "gitlab:index/getGroup:getGroup": {
      const fullPath = String(inputs.fullPath ?? `group-${String(inputs.groupId)}`);
      const groupId = typeof inputs.groupId === "number" ? inputs.groupId : stableNumber(`group:${fullPath}`);
      return {
        id: String(groupId),
        groupId,
        fullPath,
        name: fullPath.split("/").pop(),
        webUrl: `https://gitlab.invalid/${fullPath}`,
      };
    }
    case "gitlab:index/getProject:getProject": {
      const path = String(inputs.pathWithNamespace ?? `project-${String(inputs.id)}`);
      const id = inputs.id !== undefined ? String(inputs.id) : String(stableNumber(`project:${path}`));
      return {
        id,
        pathWithNamespace: path,
        name: path.split("/").pop(),
        webUrl: `https://gitlab.invalid/${path}`,
      };
    }
    default:
      throw new Error(`synth has no offline answer for the provider function ${token}`);
  }
}
