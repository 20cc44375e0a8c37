import * as assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ROOT } from "../helpers/gitlab-ci-local";
import { InputSpec, components } from "./templates";

/** Published into the component project as its README: the inputs are documented where they are included. */
const README_PATH = "templates/README.md";
const README = readFileSync(join(ROOT, README_PATH), "utf8");

/** The rows of the inputs table under `**<component>**`: input → [type, default, what]. */
function documentedInputs(name: string): Map<string, [string, string, string]> {
  const start = README.indexOf(`\n**${name}**\n`);
  assert.ok(start >= 0, `${README_PATH} has an inputs table for ${name}`);
  const rows = README.slice(start)
    .split("\n\n")[1]
    .split("\n")
    .slice(2)
    .filter((row) => row.startsWith("| "));
  return new Map(
    rows.map((row) => {
      const [input, type, value, what] = row
        .split(" | ")
        .map((cell) => cell.replace(/^\| |\s*\|$/g, "").trim());
      return [input.replace(/`/g, ""), [type, value, what]];
    }),
  );
}

const shown = (value: unknown) =>
  value === undefined
    ? "required"
    : value === ""
      ? '`""`'
      : `\`${Array.isArray(value) ? `[${value.join(", ")}]` : String(value)}\``;

/** The description, then the allowed values in parentheses where the input has a list of them. */
const what = (spec: InputSpec) =>
  [spec.description ?? "", spec.options ? `(${spec.options.join(", ")})` : ""].filter(Boolean).join(" ");

describe(`${README_PATH}: the pipeline components' inputs tables match templates/`, () => {
  for (const c of components()) {
    it(`${c.name}: every input, with its type, default, description and allowed values, and nothing else`, () => {
      const documented = documentedInputs(c.name);
      const inputs = c.header.spec.inputs;
      assert.deepEqual([...documented.keys()].sort(), Object.keys(inputs).sort());
      for (const [name, spec] of Object.entries(inputs))
        assert.deepEqual(
          documented.get(name),
          [spec.type ?? "string", shown(spec.default), what(spec)],
          name,
        );
    });
  }

  it("reads on its own in the component project: no link into the platform's repository", () => {
    assert.deepEqual(README.match(/\]\((?!https?:)[^)]*\)/g) ?? [], []);
  });
});
