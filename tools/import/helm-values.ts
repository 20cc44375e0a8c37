import { isTable, type Table } from "../../model/config-toml";
import { closestKey } from "../../model/problems";
import type { HelmRules } from "./helm-appliers";
import { type HelmContext, problem } from "./helm-context";
import { TOP_LEVEL } from "./helm-rules";

/** Walks chart values; unknown keys become problems, dropped keys are listed with their reason. */
export function walkHelmValues(values: Table, ctx: HelmContext): void {
  walk(values, TOP_LEVEL, "", ctx);
}

function walk(values: Table, rules: HelmRules, prefix: string, ctx: HelmContext): void {
  for (const [key, value] of Object.entries(values)) {
    const path = prefix === "" ? key : `${prefix}.${key}`;
    const rule = Object.hasOwn(rules, key) ? rules[key] : undefined;
    if (rule === undefined) unknownValue(ctx, path, key, Object.keys(rules));
    else if (hasNoEffect(value)) continue;
    else if (typeof rule === "function") rule(value, path, ctx);
    else if ("drop" in rule) ctx.notCarried.push({ path, reason: rule.drop });
    else if (isTable(value)) walk(value, rule.table, path, ctx);
    else problem(ctx, path, "expected a map of settings");
  }
}

function unknownValue(ctx: HelmContext, path: string, key: string, known: readonly string[]) {
  const suggestion = closestKey(key, known);
  const fix = suggestion
    ? `did you mean ${suggestion}?`
    : "remove it; it is not a value of the gitlab-runner chart";
  problem(ctx, path, `unknown key "${key}"`, fix);
}

function hasNoEffect(value: unknown): boolean {
  if (value === null || value === undefined || value === "") return true;
  if (Array.isArray(value)) return value.length === 0;
  return isTable(value) && Object.keys(value).length === 0;
}
