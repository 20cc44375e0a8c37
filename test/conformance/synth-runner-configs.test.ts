import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as TOML from "@iarna/toml";
import { REQUIRED_WHEN_PRESENT, requiredFieldKey } from "../../model/config-toml";
import { requireReference } from "../helpers/reference";
import { stackNames, synthOnce } from "../helpers/synth";

describe("synthesized config.toml files", function () {
  this.timeout(60000);
  for (const stack of stackNames()) {
    it(`stack ${stack}: every config.toml is valid against the runner's config schema, token as \${…}`, function () {
      const schemaFile = requireReference(this, "gitlab-runner-config.schema.json");
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const Ajv2020 = require("ajv/dist/2020") as new (o: object) => {
        compile(s: object): ((d: unknown) => boolean) & { errors?: unknown };
      };
      const validate = new Ajv2020({ allErrors: true, strict: false }).compile(
        JSON.parse(fs.readFileSync(schemaFile, "utf8")),
      );
      const run = synthOnce(stack);
      assert.equal(run.status, 0, run.stderr);
      const configs = [...run.files].filter(([f]) => f.startsWith("runner/") && f.endsWith(".config.toml"));
      assert.ok(configs.length >= 2, "at least two fleets");
      for (const [file, text] of configs) {
        const doc = JSON.parse(JSON.stringify(TOML.parse(text)));
        assert.ok(validate(doc), `${file}: ${JSON.stringify(validate.errors, null, 2)}`);
        assert.equal(doc.runners[0].token, "${RUNNER_TOKEN}");
      }
    });
  }
});

/**
 * The fields v19.3.0's lint requires in every item of their table, checked without the runner (the reference
 * schema lets them be absent; test/runner lints the same files with the runner itself).
 */
describe("synthesized config.toml files hold the fields the pinned runner's lint requires", function () {
  this.timeout(60000);
  for (const stack of stackNames()) {
    it(`stack ${stack}: every item of those tables has them (mount_propagation, preemptive_mode, option value)`, () => {
      const run = synthOnce(stack);
      assert.equal(run.status, 0, run.stderr);
      for (const [file, text] of run.files) {
        if (!file.startsWith("runner/")) continue;
        for (const required of REQUIRED_WHEN_PRESENT) {
          const keys = requiredFieldKey(required).split(".");
          for (const item of itemsAt(TOML.parse(text), keys.slice(0, -1)))
            assert.ok(
              keys[keys.length - 1] in item,
              `${file}: ${keys.join(".")} missing in ${JSON.stringify(item)}`,
            );
        }
      }
    });
  }
});

/** Every table reached by a key path, arrays of tables flattened: runners[*].kubernetes.volumes.pvc[*]. */
function itemsAt(value: unknown, keys: string[]): Record<string, unknown>[] {
  const tables = (Array.isArray(value) ? value : [value]).filter(
    (v): v is Record<string, unknown> => typeof v === "object" && v !== null,
  );
  if (keys.length === 0) return tables;
  return tables.flatMap((table) =>
    table[keys[0]] === undefined ? [] : itemsAt(table[keys[0]], keys.slice(1)),
  );
}
