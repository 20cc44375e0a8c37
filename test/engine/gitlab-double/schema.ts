import * as fs from "node:fs";
import * as path from "node:path";

/** A property as ../shared/reference/pulumi-gitlab.json describes it (the subset the double checks). */
export interface PropertySpec {
  type?: "string" | "integer" | "number" | "boolean" | "array" | "object";
  $ref?: string;
  items?: PropertySpec;
  additionalProperties?: PropertySpec;
  enum?: string[];
  enumNote?: string;
  pattern?: string;
  maxLength?: number;
  minimum?: number;
  default?: unknown;
  secret?: boolean;
  optional?: boolean;
}

export interface ResourceSpec {
  idFormat: string;
  inputs: Record<string, PropertySpec>;
  outputs: Record<string, PropertySpec>;
  required: string[];
  /** Output names the provider returns as secrets. */
  secret: string[];
  replaceOnChanges: string[];
}

export interface FunctionSpec {
  inputs: Record<string, PropertySpec>;
  required: string[];
  outputs: Record<string, PropertySpec>;
  secretOutputs: string[];
}

export interface ObjectTypeSpec {
  properties: Record<string, PropertySpec>;
  required?: string[];
}

export interface GitLabSchema {
  source: { providerVersion: string };
  resources: Record<string, ResourceSpec>;
  functions: Record<string, FunctionSpec>;
  types: Record<string, ObjectTypeSpec>;
}

/** Where the project's CI and development machines keep the reference data (see ../shared/reference/README.md). */
export const SCHEMA_FILE = path.resolve(__dirname, "../../../../shared/reference/pulumi-gitlab.json");

export function loadSchema(file = process.env.GITLAB_DOUBLE_SCHEMA || SCHEMA_FILE): GitLabSchema {
  return JSON.parse(fs.readFileSync(file, "utf8")) as GitLabSchema;
}

/** `gitlab:index/userRunner:UserRunner` from a URN `urn:pulumi:stack::project::…$gitlab:index/userRunner:UserRunner::name`. */
export function typeOfUrn(urn: string): string {
  const types = urn.split("::")[2] ?? "";
  return types.split("$").pop() ?? types;
}
