import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as TOML from "@iarna/toml";
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

/** `gitlab-runner lint` checks the jsonschema annotations: a volume whose mount_propagation is null fails it. */
describe("synthesized config.toml files and gitlab-runner lint", function () {
  this.timeout(60000);
  for (const stack of stackNames()) {
    it(`stack ${stack}: every emptyDir, PVC and hostPath volume sets mount_propagation`, () => {
      const run = synthOnce(stack);
      assert.equal(run.status, 0, run.stderr);
      for (const [file, text] of run.files) {
        if (!file.startsWith("runner/")) continue;
        const volumes = (
          TOML.parse(text) as { runners: { kubernetes?: { volumes?: Record<string, unknown[]> } }[] }
        ).runners[0].kubernetes?.volumes;
        for (const kind of ["empty_dir", "pvc", "host_path"])
          for (const v of (volumes?.[kind] ?? []) as { name: string; mount_propagation?: string }[])
            assert.ok(v.mount_propagation, `${file}: ${kind} ${v.name} has no mount_propagation`);
      }
    });
  }
});
