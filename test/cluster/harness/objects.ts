import * as fs from "node:fs";
import * as path from "node:path";
import { parse } from "yaml";

export interface KubeMetadata {
  name: string;
  namespace?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
  [key: string]: unknown;
}

export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: KubeMetadata;
  [key: string]: unknown;
}

export function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

export function describeObject(object: KubeObject): string {
  const ns = object.metadata.namespace ? `${object.metadata.namespace}/` : "";
  return `${object.kind} ${ns}${object.metadata.name}`;
}

export function clone<T>(value: T): T {
  return structuredClone(value);
}

/** Every `*.yaml` under dir, one object each, in a stable order. */
export function readObjects(dir: string): KubeObject[] {
  return yamlFiles(dir).map((file) => asObject(parse(fs.readFileSync(file, "utf8")), file));
}

function yamlFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith(".yaml"))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

function asObject(value: unknown, file: string): KubeObject {
  const ok = isRecord(value) && typeof value.apiVersion === "string" && typeof value.kind === "string";
  if (!ok || !isRecord(value.metadata) || typeof value.metadata.name !== "string") {
    throw new Error(`${file}: not a Kubernetes object`);
  }
  return value as KubeObject;
}
