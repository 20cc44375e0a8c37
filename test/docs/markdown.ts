import * as fs from "node:fs";
import * as path from "node:path";

export const ROOT = path.resolve(__dirname, "../..");

/** The documentation: the README, every page under docs/, and the components' README published with them. */
export function docFiles(root = ROOT): string[] {
  const pages = (dir: string): string[] =>
    fs.readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
      const rel = `${dir}/${entry.name}`;
      if (entry.isDirectory()) return pages(rel);
      return entry.name.endsWith(".md") ? [rel] : [];
    });
  const docs = fs.existsSync(path.join(root, "docs")) ? pages("docs") : [];
  return ["README.md", ...docs.sort(), "templates/README.md"];
}

export function readDoc(file: string, root = ROOT): string {
  return fs.readFileSync(path.join(root, file), "utf8");
}

/** A fenced code block. */
export interface Fence {
  file: string;
  /** 1-based line of the opening fence. */
  line: number;
  /** First word of the info string; "" when the fence names no language. */
  lang: string;
  /** The content, with the fence's own indentation removed (fences inside list items are indented). */
  body: string;
  /** Text of an HTML comment on the line right above the fence, if any. */
  comment?: string;
}

const OPENING = /^( *)(`{3,}|~{3,})\s*([^`\s]*)/;
const COMMENT = /^\s*<!--\s*(.*?)\s*-->\s*$/;

export function fencesOf(file: string, text: string): Fence[] {
  const lines = text.split("\n");
  const fences: Fence[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = OPENING.exec(lines[i]);
    if (!open) continue;
    const [, indent, marker, lang] = open;
    const close = new RegExp(`^\\s*${marker[0]}{${marker.length},}\\s*$`);
    let end = i + 1;
    while (end < lines.length && !close.test(lines[end])) end++;
    const body = lines
      .slice(i + 1, end)
      .map((l) => (l.startsWith(indent) ? l.slice(indent.length) : l.trimStart()))
      .join("\n");
    const comment = i > 0 ? COMMENT.exec(lines[i - 1])?.[1] : undefined;
    fences.push({ file, line: i + 1, lang, body, ...(comment === undefined ? {} : { comment }) });
    i = end;
  }
  return fences;
}

/** Every fence of every documentation file. */
export function allFences(root = ROOT): Fence[] {
  return docFiles(root).flatMap((file) => fencesOf(file, readDoc(file, root)));
}

/** Languages whose blocks are commands to run: scripts (bash, sh) and terminal sessions (console). */
export const SHELL_LANGS = new Set(["bash", "sh", "shell", "console"]);

export const isShell = (fence: Fence): boolean => SHELL_LANGS.has(fence.lang);

/** The text outside fenced blocks, for checks that read prose (links, wording). */
export function proseOf(text: string): string {
  const lines = text.split("\n");
  const kept: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = OPENING.exec(lines[i]);
    if (!open) {
      kept.push(lines[i]);
      continue;
    }
    const close = new RegExp(`^\\s*${open[2][0]}{${open[2].length},}\\s*$`);
    while (i + 1 < lines.length && !close.test(lines[i + 1])) i++;
    i++;
  }
  return kept.join("\n");
}
