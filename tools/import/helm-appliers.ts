import { hostAliasSchema, isTable } from "../../model/config-toml";
import { type PathSegment } from "../../model/problems";
import type { FleetExtras } from "./fleet";
import { type HelmContext, problem, setModelValue } from "./helm-context";
import { REASONS } from "./reasons";

/** What to do with one chart value: carry it (Apply), drop it with a reason, or walk its known sub-keys. */
export type Apply = (value: unknown, chartPath: string, ctx: HelmContext) => void;
export type HelmRule = Apply | { readonly drop: string } | { readonly table: HelmRules };
export type HelmRules = Readonly<Record<string, HelmRule>>;

export const RUNNER: readonly PathSegment[] = ["runners", 0];
export const KUBERNETES: readonly PathSegment[] = [...RUNNER, "kubernetes"];
export const CACHE: readonly PathSegment[] = [...RUNNER, "cache"];

export const drop = (reason: string): HelmRule => ({ drop: reason });
export const table = (rules: HelmRules): HelmRule => ({ table: rules });
export const toModel =
  (...path: PathSegment[]): Apply =>
  (value, chartPath, ctx) =>
    setModelValue(ctx, path, value, chartPath);

export function extra<K extends keyof FleetExtras>(
  key: K,
  read: (value: unknown) => FleetExtras[K] | undefined,
  expected: string,
): Apply {
  return (value, chartPath, ctx) => {
    const parsed = read(value);
    if (parsed === undefined) problem(ctx, chartPath, `expected ${expected}`);
    else ctx.extras[key] = parsed;
  };
}

export const asBoolean = (value: unknown) => (typeof value === "boolean" ? value : undefined);
export const asString = (value: unknown) => (typeof value === "string" ? value : undefined);
export const asCount = (value: unknown) =>
  Number.isInteger(value) && Number(value) >= 0 ? Number(value) : undefined;

/** The chart takes tags as one comma-separated string ("a,b"); a list is accepted too. */
export function asTags(value: unknown): string[] | undefined {
  const items = typeof value === "string" ? value.split(",") : Array.isArray(value) ? value : undefined;
  if (!items?.every((item) => typeof item === "string")) return undefined;
  return items.map((tag) => tag.trim()).filter((tag) => tag !== "");
}

export function asHostAliases(value: unknown): FleetExtras["hostAliases"] {
  const parsed = hostAliasSchema.array().safeParse(value);
  return parsed.success ? parsed.data : undefined;
}

export const executor: Apply = (value, chartPath, ctx) => {
  if (typeof value !== "string") problem(ctx, chartPath, "expected the executor name");
  else if (value !== "kubernetes")
    ctx.notCarried.push({ path: chartPath, reason: `"${value}": ${REASONS.otherExecutor}` });
};

export const config: Apply = (value, chartPath, ctx) => {
  if (typeof value === "string") ctx.template = value;
  else problem(ctx, chartPath, "expected the config.toml template as a string");
};

/** `env: {NAME: VALUE}` becomes the runner's `environment = ["NAME=VALUE"]`. */
export const environment: Apply = (value, chartPath, ctx) => {
  const scalar = (v: unknown) => ["string", "number", "boolean"].includes(typeof v);
  if (!isTable(value) || !Object.values(value).every(scalar)) {
    problem(ctx, chartPath, "expected a map of variable names to values");
    return;
  }
  const list = Object.entries(value).map(([name, v]) => `${name}=${String(v)}`);
  setModelValue(ctx, [...RUNNER, "environment"], list, chartPath);
};

/** Older charts document `imagePullSecrets: [{name: …}]`, newer ones plain names; both become names. */
export const imagePullSecrets: Apply = (value, chartPath, ctx) => {
  const name = (item: unknown) => (typeof item === "string" ? item : isTable(item) ? item.name : undefined);
  const names = Array.isArray(value) ? value.map(name) : [];
  if (names.length === 0 || !names.every((n): n is string => typeof n === "string")) {
    problem(ctx, chartPath, "expected a list of secret names");
    return;
  }
  setModelValue(ctx, [...KUBERNETES, "imagePullSecrets"], names, chartPath);
};
