import * as fs from "node:fs";
import * as path from "node:path";
import { cacheRoot, isExecutable, unpackShared } from "../../helpers/shared-binaries";
import { ROOT } from "../markdown";

/** Where the `pulumi` the docs' commands run comes from. */
export interface PulumiCli {
  /** Folder holding the `pulumi` executable. */
  dir: string;
  origin: string;
}

export const MISSING_PULUMI_MESSAGE = [
  "skipped: the docs' pulumi commands need the Pulumi CLI.",
  "Set PULUMI_TEST_BIN to a folder holding pulumi, place the xz-compressed CLI in ../shared/pulumi next to the",
  "project (unpacked once, checksums verified), or install it (https://www.pulumi.com/docs/install/).",
  "DOCS_TESTS_REQUIRED=1 turns this skip into a failure.",
].join("\n  ");

/** Where CI and development machines keep the xz-compressed CLI. */
const SHARED = path.resolve(ROOT, "../shared/pulumi");

/** PULUMI_TEST_BIN first, else the shared CLI unpacked into the cache, else a pulumi on the PATH. */
export function locatePulumi(env: NodeJS.ProcessEnv = process.env, shared = SHARED): PulumiCli | undefined {
  const fromEnv = env.PULUMI_TEST_BIN;
  if (fromEnv) {
    if (!isExecutable(path.join(fromEnv, "pulumi")))
      throw new Error(`PULUMI_TEST_BIN=${fromEnv} has no pulumi`);
    return { dir: fromEnv, origin: "PULUMI_TEST_BIN" };
  }
  if (fs.existsSync(path.join(shared, "SHA256SUMS"))) {
    return { dir: unpackShared(shared, cacheRoot("pulumi", env)), origin: shared };
  }
  const onPath = (env.PATH ?? "").split(path.delimiter).find((dir) => isExecutable(path.join(dir, "pulumi")));
  return onPath ? { dir: onPath, origin: "PATH" } : undefined;
}
