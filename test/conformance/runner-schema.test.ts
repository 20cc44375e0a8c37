import TOML from "@iarna/toml";
import { strict as assert } from "node:assert";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import {
  knowsKey,
  REQUIRED_WHEN_PRESENT,
  requiredFieldKey,
  RUNNER_KEY_VERSIONS,
  type RunnerConfig,
  type RunnerEntry,
  renderConfigToml,
} from "../../model/config-toml";
import KEY_VERSIONS from "../../model/config-toml/runner-key-versions.json";
import { importHelmValues } from "../../tools/import/helm-import";
import { importToml } from "../../tools/import/toml-import";
import { fixture, SEED_HELM, SEED_TOML } from "../unit/tools/import/import-fixtures";
import { RICH_CONFIG } from "../unit/model/config-toml/sample-config";

/** Shared reference material of the development environment; a clone of the repository does not have it. */
const REFERENCE = path.resolve(__dirname, "../../../shared/reference");
const SCHEMA = path.join(REFERENCE, "gitlab-runner-config.schema.json");

interface SchemaValidator {
  (data: unknown): boolean;
  errors?: { instancePath: string; message?: string }[] | null;
}

function compileSchema(): SchemaValidator {
  // ajv's 2020-12 build is CommonJS with a default export; required here as the conformance contract says.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const Ajv2020 = require("ajv/dist/2020") as new (options: object) => {
    compile(schema: unknown): SchemaValidator;
  };
  return new Ajv2020({ allErrors: true, strict: false }).compile(JSON.parse(readFileSync(SCHEMA, "utf8")));
}

const RUNNER_FIELDS_OF_A_FLEET = [
  "outputLimit",
  "requestConcurrency",
  "environment",
  "featureFlags",
  "preGetSourcesScript",
  "preBuildScript",
  "postBuildScript",
  "buildsDir",
  "cacheDir",
  "cloneUrl",
  "kubernetes",
  // Not `cache`: an imported fleet's cache is in the stack's terms ({type: s3 | gcs | pvc}), which the platform
  // renders itself (covered by the synthesized stacks), not a [runners.cache] table.
] as const;

/** Turns an imported stack configuration back into config.toml models, with url and token filled in. */
function configsOf(stackConfig: Record<string, unknown>): RunnerConfig[] {
  const url =
    (stackConfig["gitlab-ci-platform:gitlab"] as { url?: string } | undefined)?.url ??
    "https://gitlab.example.com";
  const fleets = stackConfig["gitlab-ci-platform:fleets"] as Record<string, unknown>[];
  return fleets.map((fleet) => {
    const runner: Record<string, unknown> = {
      name: fleet.name,
      url,
      token: "${RUNNER_TOKEN}",
      executor: "kubernetes",
    };
    for (const field of RUNNER_FIELDS_OF_A_FLEET)
      if (fleet[field] !== undefined) runner[field] = fleet[field];
    const { concurrent, checkInterval, logLevel, logFormat } = fleet as RunnerConfig;
    return { concurrent, checkInterval, logLevel, logFormat, runners: [runner as RunnerEntry] };
  });
}

function documents(): [string, string][] {
  const rendered: [string, string][] = [["rich sample model", renderConfigToml(RICH_CONFIG)]];
  const imports = [
    ...SEED_TOML.map((name) => [name, importToml(fixture(name))] as const),
    ...SEED_HELM.map((name) => [name, importHelmValues(fixture(name))] as const),
  ];
  for (const [name, result] of imports) {
    assert.deepEqual(result.problems, [], name);
    configsOf(result.stackConfig).forEach((config, index) => {
      rendered.push([`${name} (fleet ${index}) re-rendered`, renderConfigToml(config)]);
    });
  }
  return rendered;
}

describe("rendered config.toml conforms to the runner's schema (19.4)", function () {
  let validate: SchemaValidator;

  before(function () {
    if (!existsSync(SCHEMA)) {
      console.log(`    skipped: ${SCHEMA} is not there (only the shared development environment has it)`);
      this.skip();
    }
    validate = compileSchema();
  });

  it("every rendered document validates", () => {
    const failures: string[] = [];
    for (const [name, text] of documents()) {
      const data: unknown = JSON.parse(JSON.stringify(TOML.parse(text)));
      if (!validate(data)) {
        const errors = (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message ?? ""}`);
        failures.push(`${name}:\n  ${errors.join("\n  ")}`);
      }
    }
    assert.deepEqual(failures, []);
  });

  it("the schema rejects what the model rejects: a misspelled key", () => {
    const text = renderConfigToml(RICH_CONFIG).replace("cpu_limit =", "cpu_limits =");
    assert.equal(validate(JSON.parse(JSON.stringify(TOML.parse(text)))), false);
  });
});

type SchemaNode = {
  $ref?: string;
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
  required?: string[];
  minimum?: number;
  oneOf?: SchemaNode[];
  anyOf?: SchemaNode[];
};

/** The schema node of a table or list (array items resolved) that holds `key`, following $ref. */
function schemaNodeAt(
  schema: SchemaNode & { $defs: Record<string, SchemaNode> },
  keys: string[],
): SchemaNode {
  const resolve = (node: SchemaNode): SchemaNode => {
    if (node.$ref) return resolve(schema.$defs[node.$ref.replace("#/$defs/", "")]);
    if (node.items) return resolve(node.items);
    return node;
  };
  return keys.reduce<SchemaNode>((node, key) => {
    const next = resolve(node).properties?.[key];
    if (!next) throw new Error(`the reference schema has no ${keys.join(".")}`);
    return next;
  }, schema);
}

/**
 * The reference schema comes from a later runner's source (19.4); what the stacks run is v19.3.0, whose own lint
 * (test/runner) is the authority. Where the two disagree, the model follows the lint; these tests pin down where.
 */
describe("where the reference schema (19.4) and the pinned runner's lint (v19.3.0) disagree, the lint decides", function () {
  let schema: SchemaNode & { $defs: Record<string, SchemaNode> };

  before(function () {
    if (!existsSync(SCHEMA)) this.skip();
    schema = JSON.parse(readFileSync(SCHEMA, "utf8"));
  });

  it("the schema has every key of the model, also those v19.3.0 does not read (which the model refuses for it)", () => {
    const later: string[] = [];
    for (const key of Object.keys(KEY_VERSIONS.introduced)) {
      assert.doesNotThrow(() => schemaNodeAt(schema, key.split(".")), key);
      if (!knowsKey("v19.3.0", RUNNER_KEY_VERSIONS(key)!)) later.push(key);
    }
    assert.deepEqual(later, [
      "runners.kubernetes.services.suspend_data_path",
      "runners.kubernetes.suspend_pvc_size",
      "runners.kubernetes.suspend_pvc_storage_class",
    ]);
  });

  it("the schema lets each item leave out the fields v19.3.0's lint requires, so the renderer always writes them", () => {
    for (const required of REQUIRED_WHEN_PRESENT) {
      const keys = requiredFieldKey(required).split(".");
      const item = schemaNodeAt(schema, keys.slice(0, -1));
      const resolved = item.$ref ? schema.$defs[item.$ref.replace("#/$defs/", "")] : item;
      const itemNode = resolved.items?.$ref
        ? schema.$defs[resolved.items.$ref.replace("#/$defs/", "")]
        : resolved;
      assert.ok(itemNode.properties?.[keys[keys.length - 1]], requiredFieldKey(required));
      assert.ok(!(itemNode.required ?? []).includes(keys[keys.length - 1]), requiredFieldKey(required));
    }
  });

  it("the schema sets no lower bound on an autoscaler idle_time; v19.3.0's lint wants at least 1s, so the model does", () => {
    const idleTime = schemaNodeAt(schema, "runners.kubernetes.autoscaler.policy.idle_time".split("."));
    const resolved = idleTime.$ref ? schema.$defs[idleTime.$ref.replace("#/$defs/", "")] : idleTime;
    assert.equal(JSON.stringify(resolved).includes('"minimum"'), false);
    assert.throws(() =>
      renderConfigToml({
        runners: [
          {
            url: "https://gitlab.example.com",
            token: "${RUNNER_TOKEN}",
            executor: "kubernetes",
            kubernetes: { autoscaler: { policy: [{ idleTime: "500ms" }] } },
          },
        ],
      }),
    );
  });
});
