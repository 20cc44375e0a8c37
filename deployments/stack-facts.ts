import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { parse } from "yaml";
import { DEFAULTS } from "../model/defaults";

/** What the bootstrap reads from a platform stack's own file (Pulumi.<stack>.yaml), so it is stated once. */
export interface StackFacts {
  /** The stack runs on ACK Serverless: its deployments need Alibaba Cloud credentials. */
  alibabaCloud: boolean;
  /**
   * Why deployment runners outside the stack's network cannot reach its Kubernetes API server (and so cannot
   * preview or update it), or undefined when the file tells of no such limit.
   */
  privateApiServer?: string;
}

interface ClusterSettings {
  type?: string;
  ackServerless?: { endpointPublicAccess?: boolean };
}

/** The facts of `stack` in the repository at `root`, or undefined when it has no such stack file. */
export function stackFacts(root: string, project: string, stack: string): StackFacts | undefined {
  const file = join(root, `Pulumi.${stack}.yaml`);
  if (!existsSync(file)) return undefined;
  const config =
    (parse(readFileSync(file, "utf8")) as { config?: Record<string, unknown> } | null)?.config ?? {};
  const cluster = (config[`${project}:cluster`] ?? {}) as ClusterSettings;
  if (cluster.type !== "ackServerless") return { alibabaCloud: false };
  const publicEndpoint =
    cluster.ackServerless?.endpointPublicAccess ?? DEFAULTS.cluster.ackServerless.endpointPublicAccess;
  return {
    alibabaCloud: true,
    privateApiServer: publicEndpoint
      ? undefined
      : `its ACK Serverless API server is reachable inside its VPC only (cluster.ackServerless.endpointPublicAccess is false in Pulumi.${stack}.yaml)`,
  };
}
