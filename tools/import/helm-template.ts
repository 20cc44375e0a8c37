import type { NotCarried } from "./types";
import { REASONS } from "./reasons";

export const TEMPLATE_PATH = "runners.config";

const GO_TEMPLATE = /\{\{.*?\}\}/;
const HEADER = /^\s*\[\[?\s*([^\]]+?)\s*\]\]?/;
const KEY = /^\s*("[^"]+"|[A-Za-z0-9_-]+)\s*=/;

/**
 * Blanks out the lines of the chart's `runners.config` that hold Go-template expressions (`{{ … }}`), which
 * only Helm can evaluate, and lists each as not carried. Line numbers stay as they were for error messages.
 */
export function stripGoTemplates(template: string): { toml: string; dropped: NotCarried[] } {
  const dropped: NotCarried[] = [];
  let table = "";
  let runnersSeen = 0;
  const lines = template.split("\n").map((line, index) => {
    const header = HEADER.exec(line);
    if (header && !GO_TEMPLATE.test(line)) {
      if (/^\s*\[\[\s*runners\s*\]\]/.test(line)) runnersSeen++;
      table = header[1].replace(/^runners(?=\.|$)/, `runners[${Math.max(runnersSeen - 1, 0)}]`);
      return line;
    }
    const expression = GO_TEMPLATE.exec(line);
    if (!expression) return line;
    dropped.push({
      path: describeLine(line, table, index),
      reason: `${expression[0]}: ${REASONS.goTemplate}`,
    });
    return "";
  });
  return { toml: lines.join("\n"), dropped };
}

function describeLine(line: string, table: string, index: number): string {
  const key = KEY.exec(line)?.[1].replace(/^"|"$/g, "");
  if (key === undefined) return `${TEMPLATE_PATH} (line ${index + 1})`;
  return `${TEMPLATE_PATH}: ${table === "" ? key : `${table}.${key}`}`;
}
