import * as fs from "node:fs";
import * as path from "node:path";
import { YAMLMap, isMap, isSeq, parseDocument } from "yaml";
import type { Outcome } from "./run-block";

/**
 * Adds a page's stack-file fragment (keys of `config:`) the way a reader would: a list's entries after the
 * existing ones, a map's keys beside the existing ones, any other key set.
 */
export function addToStackFile(fragment: string, stackFile: string, root: string): Outcome {
  const file = path.join(root, stackFile);
  if (!fs.existsSync(file)) return `${stackFile} does not exist`;
  const doc = parseDocument(fs.readFileSync(file, "utf8"));
  const additions = parseDocument(fragment).contents;
  if (!isMap(additions)) return "the fragment is not a map of config keys";
  const config = doc.get("config");
  if (!isMap(config)) return `${stackFile} has no config map`;
  for (const pair of additions.items) {
    const existing = config.get(pair.key, true);
    if (isSeq(existing) && isSeq(pair.value)) for (const item of pair.value.items) existing.add(item);
    else if (isMap(existing) && isMap(pair.value))
      for (const inner of (pair.value as YAMLMap).items) existing.set(inner.key, inner.value);
    else config.set(pair.key, pair.value);
  }
  fs.writeFileSync(file, doc.toString());
  return undefined;
}
