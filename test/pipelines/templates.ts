import { parseAllDocuments } from "yaml";
import { readTemplateFolder } from "../../components/pipelines";

export interface InputSpec {
  type?: "string" | "number" | "boolean" | "array";
  default?: unknown;
  options?: unknown[];
  regex?: string;
  description?: string;
}

/** One CI/CD component: its `spec:` header and the configuration text below the `---`. */
export interface Component {
  name: string;
  file: string;
  header: { spec: { inputs: Record<string, InputSpec> } };
  body: string;
}

/** The repository's components, read as the stack reads them to publish. */
export function components(): Component[] {
  return readTemplateFolder()
    .filter((f) => /^templates\/[^/]+\.yml$/.test(f.path))
    .map(({ path, content }) => {
      const file = path.slice("templates/".length);
      const [header, body] = parseAllDocuments(content);
      if (!header || !body)
        throw new Error(`${file}: a component is a spec header, ---, then the configuration`);
      return {
        name: file.replace(/\.yml$/, ""),
        file,
        header: header.toJS() as Component["header"],
        body: content.slice(content.indexOf("\n---\n") + 5),
      };
    });
}

export function component(name: string): Component {
  const found = components().find((c) => c.name === name);
  if (!found) throw new Error(`no component ${name} in templates/`);
  return found;
}

/** Input names the configuration interpolates (`$[[ inputs.name ]]`). */
export function interpolatedInputs(body: string): Set<string> {
  return new Set([...body.matchAll(/\$\[\[\s*inputs\.([A-Za-z0-9_-]+)\s*(\|[^\]]*)?\]\]/g)].map((m) => m[1]));
}

/** Why a value is not acceptable for an input (type, options, regex), as GitLab checks it; undefined when it is. */
export function inputValueProblem(spec: InputSpec, value: unknown): string | undefined {
  const type = spec.type ?? "string";
  const actual = Array.isArray(value) ? "array" : typeof value;
  if (actual !== type) return `is ${actual}, the input is ${type}`;
  if (spec.options && !spec.options.includes(value as string))
    return `is not one of ${spec.options.join(", ")}`;
  if (spec.regex && typeof value === "string" && !new RegExp(spec.regex).test(value))
    return `does not match ${spec.regex}`;
  return undefined;
}
