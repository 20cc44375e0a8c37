import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { parseDocument } from "yaml";
import { PROJECT } from "../../config/schema";
import { stackEditOf } from "./commands";
import { ROOT, allFences, docFiles, proseOf, readDoc } from "./markdown";

const pages = docFiles();
const README_MAX_LINES = 250;

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces as dashes. */
function slug(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, "")
    .trim()
    .replace(/\s/g, "-");
}

function anchorsOf(file: string): Set<string> {
  const seen = new Map<string, number>();
  const anchors = new Set<string>();
  for (const line of proseOf(readDoc(file)).split("\n")) {
    const heading = /^#{1,6} (.+)$/.exec(line);
    if (!heading) continue;
    const base = slug(heading[1]);
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    anchors.add(count === 0 ? base : `${base}-${count}`);
  }
  return anchors;
}

/** Relative links of a page: the target file (resolved from the page) and the anchor, if any. */
function linksOf(file: string): { target: string; anchor?: string; text: string }[] {
  const prose = proseOf(readDoc(file)).replace(/`[^`\n]*`/g, "");
  return [...prose.matchAll(/\]\(([^)\s]+)\)/g)]
    .map((m) => m[1])
    .filter((href) => !/^[a-z]+:/.test(href))
    .map((href) => {
      const [target, anchor] = href.split("#");
      return { target: target ? path.join(path.dirname(file), target) : file, anchor, text: href };
    });
}

describe("the documentation's pages", () => {
  it(`the README is a front door: at most ${README_MAX_LINES} lines, linking every page under docs/`, () => {
    const readme = readDoc("README.md");
    assert.ok(
      readme.split("\n").length <= README_MAX_LINES,
      `README.md has ${readme.split("\n").length} lines`,
    );
    const linked = new Set(linksOf("README.md").map((l) => l.target));
    assert.deepEqual(
      pages.filter((p) => p.startsWith("docs/") && !linked.has(p)),
      [],
    );
  });

  it("every relative link names a file that exists, and a heading that exists in it", () => {
    const broken = pages.flatMap((page) =>
      linksOf(page)
        .filter(
          (l) =>
            !fs.existsSync(path.join(ROOT, l.target)) ||
            (l.anchor !== undefined && l.target.endsWith(".md") && !anchorsOf(l.target).has(l.anchor)),
        )
        .map((l) => `${page}: ${l.text}`),
    );
    assert.deepEqual(broken, []);
  });

  it("the Node.js version is stated once, as package.json's engines gives it", () => {
    const engines = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")).engines
      .node as string;
    const statements = pages.flatMap((page) =>
      [...readDoc(page).matchAll(/Node\.js (\d+) or (?:newer|later)/g)].map((m) => ({ page, major: m[1] })),
    );
    assert.equal(statements.length, 1, JSON.stringify(statements));
    assert.equal(`>=${statements[0].major}`, engines);
  });

  it("names things, not the project's own history (no field-report numbers or issue numbers)", () => {
    const jargon = /\bseeds?\s+#?\d|\bseeds\/|\bseed-\d|\bissue #?\d+|\bstop \d+/i;
    assert.deepEqual(
      pages.filter((page) => jargon.test(readDoc(page))).map((p) => `${p}: ${jargon.exec(readDoc(p))?.[0]}`),
      [],
    );
  });

  it('a block marked "file: <path>" shows that file as it is', () => {
    const stale = allFences()
      .map((f) => ({ f, quoted: /^file: (\S+)$/.exec(f.comment ?? "")?.[1] }))
      .filter(({ quoted }) => quoted !== undefined)
      .filter(({ f, quoted }) => fs.readFileSync(path.join(ROOT, quoted ?? ""), "utf8") !== `${f.body}\n`)
      .map(({ f, quoted }) => `${f.file}:${f.line}: ${quoted}`);
    assert.deepEqual(stale, []);
  });

  it("a stack-file fragment to add is YAML of the project's config keys", () => {
    for (const fence of allFences().filter((f) => stackEditOf(f) !== undefined)) {
      const doc = parseDocument(fence.body);
      assert.deepEqual(doc.errors, [], `${fence.file}:${fence.line}`);
      const keys = Object.keys((doc.toJS() as Record<string, unknown>) ?? {});
      assert.ok(
        keys.length > 0 && keys.every((k) => k.startsWith(`${PROJECT}:`)),
        `${fence.file}:${fence.line}`,
      );
    }
  });
});
