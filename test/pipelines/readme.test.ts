import * as assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "../helpers/gitlab-ci-local";
import { components } from "./templates";

const README = readFileSync(join(ROOT, "README.md"), "utf8");

/** The rows of the inputs table under `**<component>**` in the README: input → [type, default]. */
function documentedInputs(name: string): Map<string, [string, string]> {
  const start = README.indexOf(`\n**${name}**\n`);
  assert.ok(start >= 0, `the README has an inputs table for ${name}`);
  const rows = README.slice(start).split("\n\n")[1].split("\n").slice(2);
  return new Map(
    rows.map((row) => {
      const [input, type, value] = row.split(" | ").map((cell) => cell.replace(/^\| /, "").trim());
      return [input.replace(/`/g, ""), [type, value]];
    }),
  );
}

const shown = (value: unknown) =>
  value === undefined
    ? "required"
    : value === ""
      ? '`""`'
      : `\`${Array.isArray(value) ? `[${value.join(", ")}]` : String(value)}\``;

describe("README: the pipeline components' inputs table matches templates/", () => {
  for (const c of components()) {
    it(`${c.name}: every input, with its type and default, and nothing else`, () => {
      const documented = documentedInputs(c.name);
      const inputs = c.header.spec.inputs;
      assert.deepEqual([...documented.keys()].sort(), Object.keys(inputs).sort());
      for (const [name, spec] of Object.entries(inputs))
        assert.deepEqual(documented.get(name), [spec.type ?? "string", shown(spec.default)], name);
    });
  }
});
