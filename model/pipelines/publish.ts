import { ProblemsError, type Problem } from "../problems";

/** One file of the repository's template folder: its path from the repository root (`/`-separated) and text. */
export interface TemplateFile {
  path: string;
  content: string;
}

/** One file as GitLab's component project layout wants it: where it goes, what it holds, where it came from. */
export interface PublishedFile {
  /** Path in the component project, e.g. `templates/kaniko-build.yml` or `README.md`. */
  path: string;
  content: string;
  /** Path in this repository. */
  source: string;
}

/** What a component project consists of: its files (sorted by path) and its components (sorted by name). */
export interface ComponentProject {
  files: PublishedFile[];
  components: string[];
}

/** The folder GitLab reads components from, in this repository and in the component project alike. */
export const TEMPLATES_DIR = "templates";
/** The component project's README, kept beside the components in this repository. */
const README_SOURCE = `${TEMPLATES_DIR}/README.md`;
/** A component name is one path segment of the include line: letters, digits, `.`, `_`, `-`. */
const COMPONENT_NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]*$/;

const LAYOUT =
  "a component project holds templates/<name>.yml, templates/<name>/template.yml and its README.md only";

/** What one template-folder file becomes: a component file, the README, or a problem. */
type Placement =
  | { kind: "component"; name: string; file: PublishedFile }
  | { kind: "readme"; file: PublishedFile }
  | { kind: "refused"; problem: Problem };

function place(file: TemplateFile): Placement {
  const { path, content } = file;
  if (path === README_SOURCE) return { kind: "readme", file: { path: "README.md", content, source: path } };
  const parts = path.split("/");
  const single = parts.length === 2 && parts[0] === TEMPLATES_DIR && parts[1].endsWith(".yml");
  const directory = parts.length === 3 && parts[0] === TEMPLATES_DIR && parts[2] === "template.yml";
  if (!single && !directory) return { kind: "refused", problem: { path, ...whyRefused(parts) } };
  const name = single ? parts[1].slice(0, -".yml".length) : parts[1];
  if (!COMPONENT_NAME.test(name)) {
    return {
      kind: "refused",
      problem: {
        path,
        reason: `component name ${JSON.stringify(name)} cannot be one segment of an include path`,
        fix: "rename it with letters, digits, '.', '_' and '-' only, starting with a letter or digit",
      },
    };
  }
  return { kind: "component", name, file: { path, content, source: path } };
}

/** The reason a file does not fit the layout, and the fix that makes it fit. */
function whyRefused(parts: string[]): Omit<Problem, "path"> {
  const reason = `is not published: ${LAYOUT}`;
  const last = parts[parts.length - 1];
  if (parts[0] !== TEMPLATES_DIR) return { reason, fix: `only files under ${TEMPLATES_DIR}/ are published` };
  if (parts.length === 2 && last.endsWith(".yaml")) {
    return {
      reason,
      fix: `rename it to ${TEMPLATES_DIR}/${last.slice(0, -".yaml".length)}.yml (GitLab reads .yml only)`,
    };
  }
  if (parts.length === 3 && last.endsWith(".yml")) {
    return {
      reason,
      fix: `a directory component is its template.yml alone: merge it into ${TEMPLATES_DIR}/${parts[1]}/template.yml, or make it ${TEMPLATES_DIR}/${last}`,
    };
  }
  return { reason, fix: `move it out of ${TEMPLATES_DIR}/ (documentation belongs in ${README_SOURCE})` };
}

/**
 * The template folder's files in GitLab's component project layout: `templates/<name>.yml` and
 * `templates/<name>/template.yml` keep their paths, `templates/README.md` becomes the project's `README.md`.
 * Any other file, two files for one component, no component or no README is a problem; every problem is returned.
 * The result does not depend on the order of `files`.
 */
export function planComponentProject(files: readonly TemplateFile[]): {
  project: ComponentProject;
  problems: Problem[];
} {
  const problems: Problem[] = [];
  const published: PublishedFile[] = [];
  const components = new Map<string, string>();
  let readme = false;
  for (const file of [...files].sort((a, b) => compare(a.path, b.path))) {
    const placed = place(file);
    if (placed.kind === "refused") {
      problems.push(placed.problem);
      continue;
    }
    if (placed.kind === "component") {
      const first = components.get(placed.name);
      if (first !== undefined) {
        problems.push({
          path: file.path,
          reason: `is component "${placed.name}" again (${first} is too)`,
          fix: `keep one of ${first} and ${file.path}`,
        });
        continue;
      }
      components.set(placed.name, file.path);
    } else {
      readme = true;
    }
    published.push(placed.file);
  }
  if (components.size === 0) {
    problems.push({
      path: `${TEMPLATES_DIR}/`,
      reason: "holds no component",
      fix: `add ${TEMPLATES_DIR}/<name>.yml (a spec: inputs header, ---, then the jobs)`,
    });
  }
  if (!readme) {
    problems.push({
      path: README_SOURCE,
      reason: "is missing: a component project needs a README, which GitLab and the CI/CD Catalog show",
      fix: `add ${README_SOURCE} describing the components and their inputs; it is published as README.md`,
    });
  }
  return {
    project: {
      files: published.sort((a, b) => compare(a.path, b.path)),
      components: [...components.keys()].sort(compare),
    },
    problems,
  };
}

/** Thrown once, before any resource is declared, with every problem of the template folder. */
export class ComponentProjectError extends ProblemsError {
  constructor(problems: readonly Problem[]) {
    super("the template folder cannot be published as a component project", problems);
    this.name = "ComponentProjectError";
  }
}

/** The component project, or a ComponentProjectError listing every problem. */
export function componentProjectOf(files: readonly TemplateFile[]): ComponentProject {
  const { project, problems } = planComponentProject(files);
  if (problems.length > 0) throw new ComponentProjectError(problems);
  return project;
}

/**
 * The line an application's `include: - component:` names a published component by. `$CI_SERVER_FQDN` is
 * GitLab's own variable for the instance the pipeline runs on; `version` is a tag, a branch or a commit SHA.
 */
export function componentInclude(project: string, component: string, version: string): string {
  return `$CI_SERVER_FQDN/${project}/${component}@${version}`;
}

/** Code-point order, the same on every machine (localeCompare depends on the ICU data). */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
