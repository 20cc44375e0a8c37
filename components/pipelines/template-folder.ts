import * as fs from "node:fs";
import * as path from "node:path";
import {
  TEMPLATES_DIR,
  componentProjectOf,
  type ComponentProject,
  type TemplateFile,
} from "../../model/pipelines";

/**
 * The repository's own template folder: beside Pulumi.yaml in the nearest folder above this file that has one, so
 * it is found from the sources and from precompiled JavaScript (bin/…) alike.
 */
export const REPOSITORY_TEMPLATE_FOLDER = path.join(projectRoot(__dirname), TEMPLATES_DIR);

function projectRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, "Pulumi.yaml"))) return dir;
    if (path.dirname(dir) === dir) return path.resolve(__dirname, "../..");
  }
}

/**
 * Every file under `folder`, with its path as it is in the repository (`templates/…`, `/`-separated) and its
 * text, sorted by path. A missing folder has no files.
 */
export function readTemplateFolder(folder: string = REPOSITORY_TEMPLATE_FOLDER): TemplateFile[] {
  if (!fs.existsSync(folder)) return [];
  const files: TemplateFile[] = [];
  const walk = (relative: string[]) => {
    const entries = fs.readdirSync(path.join(folder, ...relative), { withFileTypes: true });
    for (const entry of entries) {
      const parts = [...relative, entry.name];
      if (entry.isDirectory()) walk(parts);
      else {
        files.push({
          path: [TEMPLATES_DIR, ...parts].join("/"),
          content: fs.readFileSync(path.join(folder, ...parts), "utf8"),
        });
      }
    }
  };
  walk([]);
  return files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
}

/** The template folder as a component project; throws a ComponentProjectError naming every misplaced file. */
export function loadComponentProject(folder: string = REPOSITORY_TEMPLATE_FOLDER): ComponentProject {
  return componentProjectOf(readTemplateFolder(folder));
}
