import { readFileSync } from "node:fs";
import path from "node:path";

export const FIXTURES = path.resolve(__dirname, "../../../fixtures/import");

export function fixture(name: string): string {
  return readFileSync(path.join(FIXTURES, name), "utf8");
}

/** The field-report seeds: each must import with every loss explained (exit 0 or 1). */
export const SEED_TOML = [
  "seed-000-config.toml",
  "seed-000-config-initial.toml",
  "seed-000-config.template.toml",
  "seed-000-config.template.original.toml",
  "seed-000-configmap-config.toml",
  "seed-001-configmap.toml",
  "seed-001-configmap-registered.toml",
  "seed-002-config-map.toml",
];

export const SEED_HELM = ["seed-000-values.yaml", "seed-001-values.yaml", "seed-003-values.yaml"];
