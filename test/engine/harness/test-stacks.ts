import * as fs from "node:fs";
import * as path from "node:path";
import { parse, stringify } from "yaml";
import { PROJECT } from "../../../config";
import { PROJECT_ROOT } from "../../cluster/harness/assets";
import { removeOnExit } from "../../cluster/harness/processes";
import type { ControlPlane } from "../../cluster/harness/control-plane";

export type StackConfigValues = Record<string, unknown>;

interface StackFile {
  config: StackConfigValues;
}

const key = (name: string) => `${PROJECT}:${name}`;

/** A stack file's `config` block, project-qualified keys and parsed values. */
export function readStackConfig(stack: string, root = PROJECT_ROOT): StackConfigValues {
  const file = parse(fs.readFileSync(path.join(root, `Pulumi.${stack}.yaml`), "utf8")) as StackFile;
  return structuredClone(file.config);
}

/** The dev stack as it is: its cluster is the one the stack's kubeconfig secret names (here the test API server). */
export function devShaped(): StackConfigValues {
  return readStackConfig("dev");
}

type Cache = { type: string; shared?: boolean } & Record<string, unknown>;
type Fleet = { name: string; cache?: Cache } & Record<string, unknown>;

/**
 * The prod stack on an existing cluster instead of the ACK Serverless one it creates (the Alibaba Cloud provider
 * has no test double): the cluster becomes `existing` with the test API server as the deploy jobs' endpoint, and
 * the caches that need ACK become their existing-cluster equivalents (OSS → an S3-compatible bucket with the
 * same sharing, NAS → a ReadWriteMany claim). Everything else is prod's.
 */
export function prodShaped(controlPlane: ControlPlane): StackConfigValues {
  const config = readStackConfig("prod");
  const cluster = config[key("cluster")] as { name?: string; managerNamespace?: string };
  config[key("cluster")] = {
    name: cluster.name,
    managerNamespace: cluster.managerNamespace,
    apiServer: { server: controlPlane.server, caCert: fs.readFileSync(controlPlane.caCert, "utf8") },
  };
  config[key("fleets")] = (config[key("fleets")] as Fleet[]).map((fleet) => ({
    ...fleet,
    cache: onExistingCluster(fleet.cache),
  }));
  return config;
}

function onExistingCluster(cache: Fleet["cache"]): Fleet["cache"] {
  if (cache?.type === "oss") {
    return {
      type: "s3",
      serverAddress: "oss-cn-hangzhou.aliyuncs.com",
      bucketName: "gitlab-ci-cache-prod",
      shared: cache.shared,
    };
  }
  if (cache?.type === "nas") return { type: "pvc", size: "100Gi", accessMode: "ReadWriteMany" };
  return cache;
}

/**
 * Writes `Pulumi.<stack>.yaml` (a `*-test` name: ignored by git and by the suites that list the shipped stacks) in
 * the project root, removed when the test run exits.
 */
export function writeStackFile(stack: string, config: StackConfigValues, root = PROJECT_ROOT): string {
  if (!stack.endsWith("-test")) throw new Error(`test stack names end in -test (${stack}): git ignores them`);
  const file = path.join(root, `Pulumi.${stack}.yaml`);
  removeOnExit(file);
  fs.writeFileSync(file, stringify({ config }));
  return file;
}

/** The secrets a stack needs, with test values: the kubeconfig of the test API server, made-up credentials. */
export function testSecrets(config: StackConfigValues, kubeconfig: string): Record<string, string> {
  const variables = (config[key("variables")] as { secret?: string }[] | undefined) ?? [];
  const secrets: Record<string, string> = {
    gitlabToken: "glpat-engine-test-token",
    kubeconfig: fs.readFileSync(kubeconfig, "utf8"),
  };
  if (config[key("registry")]) secrets.registryPassword = "registry-password-1";
  const fleets = (config[key("fleets")] as Fleet[] | undefined) ?? [];
  if (fleets.some((f) => f.cache?.type === "s3")) {
    secrets.cacheS3AccessKey = "cache-access-key-1";
    secrets.cacheS3SecretKey = "cache-secret-key-1";
  }
  for (const { secret } of variables)
    if (secret) secrets[`variableSecrets.${secret}`] = `variable-${secret}-1`;
  return secrets;
}
