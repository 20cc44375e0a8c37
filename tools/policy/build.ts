import { build } from "esbuild";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";

const POLICY_DIR = resolve(__dirname, "../../policy");

/** Under out/, which git and the linters already ignore. */
export const DEFAULT_OUT_DIR = resolve(__dirname, "../../out/policy-pack");

/** Packages the published pack installs itself (its package.json), so the bundle leaves them out. */
export const PACK_RUNTIME_PACKAGES = ["@pulumi/policy", "@pulumi/pulumi"];

interface PackManifest {
  name: string;
  version: string;
  description?: string;
  license?: string;
  dependencies: Record<string, string>;
}

function readManifest(): PackManifest {
  return JSON.parse(readFileSync(join(POLICY_DIR, "package.json"), "utf8")) as PackManifest;
}

function publishManifest(source: PackManifest) {
  const dependencies = Object.fromEntries(
    PACK_RUNTIME_PACKAGES.map((name) => [name, source.dependencies[name]]),
  );
  const { name, version, description, license } = source;
  return { name, version, description, license, main: "index.js", dependencies };
}

function policyProjectFile(source: PackManifest): string {
  return [
    "runtime: nodejs",
    "main: index.js",
    `version: ${source.version}`,
    `description: ${JSON.stringify(source.description ?? "")}`,
    "",
  ].join("\n");
}

/**
 * Writes a self-contained publish folder: the pack and everything it imports from the repository bundled into
 * index.js (only the Pulumi SDKs stay external), its package.json and PulumiPolicy.yaml. `pulumi policy publish`
 * uploads only the pack folder, so code under ../model would otherwise be missing.
 */
export async function buildPolicyPack(outDir: string): Promise<string[]> {
  mkdirSync(outDir, { recursive: true });
  const source = readManifest();
  await build({
    entryPoints: [join(POLICY_DIR, "index.ts")],
    outfile: join(outDir, "index.js"),
    bundle: true,
    platform: "node",
    target: "node18",
    format: "cjs",
    external: PACK_RUNTIME_PACKAGES,
    legalComments: "none",
    logLevel: "warning",
  });
  writeFileSync(join(outDir, "package.json"), JSON.stringify(publishManifest(source), null, 2) + "\n");
  writeFileSync(join(outDir, "PulumiPolicy.yaml"), policyProjectFile(source));
  return ["index.js", "package.json", "PulumiPolicy.yaml"];
}

if (require.main === module) {
  const outDir = resolve(process.argv[2] ?? DEFAULT_OUT_DIR);
  buildPolicyPack(outDir)
    .then((files) => console.log(`policy: wrote ${files.join(", ")} to ${outDir}`))
    .catch((error: unknown) => {
      console.error(`policy: build failed: ${(error as Error).message}`);
      process.exit(1);
    });
}
