import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { environmentOf } from "../../model/environment";
import { ROOT, proseOf, readDoc } from "./markdown";

const PAGE = "docs/how-to/new-stack.md";

/** The page's table of stack names and the profile each is judged by. */
function documentedProfiles(): [name: string, profile: string][] {
  return proseOf(readDoc(PAGE))
    .split("\n")
    .map((line) => /^\| `([^`]+)` \| (dev|prod) \|$/.exec(line))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => [m[1], m[2]]);
}

/** The words model/environment.ts judges as dev, read from its pattern (the module exports only the function). */
function devWords(): string[] {
  const source = fs.readFileSync(path.join(ROOT, "model/environment.ts"), "utf8");
  const pattern = /const DEV_STACK = \/\^\(([^)]+)\)/.exec(source);
  assert.ok(pattern, "model/environment.ts has no DEV_STACK pattern of the form /^(word|word…)…/");
  return pattern[1].split("|");
}

describe(`${PAGE}: the stack names and the profile each gets`, () => {
  const profiles = documentedProfiles();

  it("each example name gets the profile the page says", () => {
    assert.ok(profiles.length > 0, "the page has a table of stack names");
    for (const [name, profile] of profiles) assert.equal(environmentOf(name), profile, name);
  });

  it("names every word a dev stack's name may be, and shows names that are prod", () => {
    const documented = new Set(profiles.map(([name]) => name));
    assert.deepEqual(
      devWords().filter((word) => !documented.has(word)),
      [],
    );
    assert.ok(profiles.some(([, profile]) => profile === "prod"));
  });
});
