import * as fs from "node:fs";
import * as path from "node:path";
import { ROOT } from "./synth";

/** The shared reference data of the project's CI and development machines; absent in a user's clone. */
export const REFERENCE_DIR = path.resolve(ROOT, "../shared/reference");

/** Skips the calling test (with the reason) when the reference folder is absent. */
export function requireReference(ctx: Mocha.Context, file: string): string {
  const full = path.join(REFERENCE_DIR, file);
  if (!fs.existsSync(full)) {
    console.log(
      `    skipped: ${full} is absent (conformance data lives beside the repository on CI machines)`,
    );
    ctx.skip();
  }
  return full;
}
