import { strict as assert } from "node:assert";
import * as path from "node:path";
import { ESLint } from "eslint";
import { ROOT } from "../../helpers/synth";

/** The lines eslint flags in a would-be model file for not ending a switch in a never check. */
async function flaggedLines(code: string): Promise<number[]> {
  const eslint = new ESLint({ cwd: ROOT });
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, "model/fleet/example.ts") });
  return result.messages.filter((m) => m.ruleId === "no-restricted-syntax").map((m) => m.line);
}

const union = 'type Backend = "pvc" | "s3";';

describe("every switch over a union ends in a never check (enforced by eslint)", function () {
  this.timeout(30000);

  it("accepts a switch whose default declares the unhandled member never", async () => {
    const code = [
      union,
      "export function label(b: Backend): string {",
      "  switch (b) {",
      '    case "pvc":',
      '      return "volume";',
      '    case "s3":',
      '      return "S3";',
      "    default: {",
      "      const unhandled: never = b;",
      "      return unhandled;",
      "    }",
      "  }",
      "}",
    ].join("\n");
    assert.deepEqual(await flaggedLines(code), []);
  });

  it("refuses a default that swallows members, and a switch without a default", async () => {
    const code = [
      union,
      "export function swallowing(b: Backend): string {",
      "  switch (b) {",
      '    case "pvc":',
      '      return "volume";',
      "    default:",
      '      return "bucket";',
      "  }",
      "}",
      "export function open(b: Backend): string | undefined {",
      "  switch (b) {",
      '    case "pvc":',
      '      return "volume";',
      "  }",
      "  return undefined;",
      "}",
    ].join("\n");
    assert.deepEqual(await flaggedLines(code), [6, 12]);
  });
});
