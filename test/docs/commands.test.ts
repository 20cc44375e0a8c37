import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { commandsOf, directiveOf, needsOutsideWorld, normalizedCommand } from "./commands";
import { Fence, ROOT, allFences, isShell } from "./markdown";

const fences = allFences();
const shellBlocks = fences.filter(isShell);
const where = (f: Fence) => `${f.file}:${f.line}`;

/** The commands .ci/run runs, as written there. */
const CI_COMMANDS = new Set(
  fs
    .readFileSync(path.join(ROOT, ".ci/run"), "utf8")
    .split("\n")
    .map((l) => normalizedCommand(l.trim()))
    .filter((l) => l !== "" && !l.startsWith("#")),
);

/** `<token>`, `<org>`: a reader's value to fill in, which a block a test runs cannot have. */
const PLACEHOLDER = /<[A-Za-z][^<>\n]*>/;

describe("every command in the documentation is run by a test", () => {
  it("every fenced block names its language (a shell block is bash, sh or console)", () => {
    assert.deepEqual(
      fences.filter((f) => f.lang === "").map(where),
      [],
      "name the language after the opening fence: bash, console, yaml, toml, json, text …",
    );
  });

  it("each shell block is run by npm run test:docs, names the test or CI step that runs it, or what it needs", () => {
    const problems: string[] = [];
    for (const fence of shellBlocks) {
      try {
        directiveOf(fence);
      } catch (err) {
        problems.push((err as Error).message);
      }
    }
    assert.deepEqual(problems, []);
  });

  it("a block npm run test:docs runs has no placeholder left for the reader to fill in", () => {
    const withPlaceholders = shellBlocks
      .filter((f) => directiveOf(f).kind === "run")
      .flatMap((f) => commandsOf(f).map((c) => ({ f, placeholder: PLACEHOLDER.exec(c)?.[0] })))
      .filter(({ placeholder }) => placeholder !== undefined)
      .map(({ f, placeholder }) => `${where(f)}: ${placeholder}`);
    assert.deepEqual(withPlaceholders, [], "use a real example value, or mark the block with what it needs");
  });

  it('a block marked "run by: test/…" names a test file that has a test of that name', () => {
    const missing: string[] = [];
    for (const fence of shellBlocks) {
      const directive = directiveOf(fence);
      if (directive.kind !== "test") continue;
      const file = path.join(ROOT, directive.file);
      const source = fs.existsSync(file) ? fs.readFileSync(file, "utf8") : "";
      // The whole title of a test, or the end of a template title (`stack ${stack}: <title>`).
      const named = [
        `"${directive.title}"`,
        `\`${directive.title}\``,
        `} ${directive.title}\``,
        `}: ${directive.title}\``,
      ];
      if (!named.some((n) => source.includes(n)))
        missing.push(`${where(fence)}: ${directive.file} has no test "${directive.title}"`);
    }
    assert.deepEqual(missing, []);
  });

  it('a block marked "run by: .ci/run" holds only commands .ci/run runs as written', () => {
    const notInCi = shellBlocks
      .filter((f) => directiveOf(f).kind === "ci")
      .flatMap((f) => commandsOf(f).map((c) => ({ f, c })))
      .filter(({ c }) => !CI_COMMANDS.has(normalizedCommand(c)))
      .map(({ f, c }) => `${where(f)}: ${c}`);
    assert.deepEqual(notInCi, []);
  });

  it('a block marked "needs: …" holds only commands that need what no test has', () => {
    const runnable = shellBlocks
      .filter((f) => directiveOf(f).kind === "needs")
      .flatMap((f) => commandsOf(f).map((c) => ({ f, c })))
      .filter(({ c }) => !needsOutsideWorld(c))
      .map(({ f, c }) => `${where(f)}: ${c}`);
    assert.deepEqual(runnable, [], "these could run here: move them to a block a test runs");
  });
});
