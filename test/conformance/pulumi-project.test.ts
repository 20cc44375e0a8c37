import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { parse } from "yaml";
import { PLAIN_KEYS, PROJECT, SECRET_KEYS } from "../../config";
import { requireReference } from "../helpers/reference";
import { ROOT } from "../helpers/synth";

const projectFile = () => parse(fs.readFileSync(path.join(ROOT, "Pulumi.yaml"), "utf8"));

describe("Pulumi.yaml", () => {
  it("validates against Pulumi's project schema", function () {
    const schemaFile = requireReference(this, "pulumi-project.schema.json");
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const Ajv2020 = require("ajv/dist/2020") as new (o: object) => {
      compile(s: object): ((d: unknown) => boolean) & { errors?: unknown };
    };
    const validate = new Ajv2020({ allowUnionTypes: true, strict: false }).compile(
      JSON.parse(fs.readFileSync(schemaFile, "utf8")),
    );
    assert.ok(validate(projectFile()), JSON.stringify(validate.errors, null, 2));
  });

  it("declares exactly the keys the loader accepts, secrets without plain defaults", () => {
    const doc = projectFile();
    assert.equal(doc.name, PROJECT);
    const declared = Object.keys(doc.config).sort();
    assert.deepEqual(declared, [...PLAIN_KEYS, ...SECRET_KEYS].sort());
    for (const key of SECRET_KEYS) {
      const decl = doc.config[key];
      const emptyMap = typeof decl.default === "object" && Object.keys(decl.default ?? { x: 1 }).length === 0;
      assert.ok(
        decl.secret === true || decl.default === "" || emptyMap,
        `${key} must be secret or default to empty`,
      );
      assert.match(decl.description, /^Secret\./);
    }
  });

  it("keeps optional keys' defaults empty, so config/defaults.ts stays the one place for defaults", () => {
    for (const [key, decl] of Object.entries(projectFile().config as Record<string, { default?: unknown }>)) {
      if (!("default" in decl)) continue;
      const d = decl.default;
      const empty =
        d === "" ||
        (Array.isArray(d) && d.length === 0) ||
        (typeof d === "object" && d !== null && Object.keys(d).length === 0);
      assert.ok(empty, `${key} has a non-empty default in Pulumi.yaml`);
    }
  });
});
