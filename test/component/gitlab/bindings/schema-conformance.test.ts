import * as pulumi from "@pulumi/pulumi";
import { strict as assert } from "node:assert";
import * as fs from "node:fs";
import * as path from "node:path";
import { REFERENCE_DIR } from "../../../helpers/reference";
import { installGitlabMocks, registered, valueOf, type GitlabMockEngine } from "./mock-engine";

type GitlabBindings = typeof import("../../../../components/gitlab/bindings");

/** Upstream-derived schema facts for provider 10.1.1; absent outside the shared workspace. */
const SCHEMA_PATH = path.join(REFERENCE_DIR, "pulumi-gitlab.json");

interface SchemaProperty {
  type: "string" | "integer" | "boolean" | "array" | "object";
  minimum?: number;
}
interface SchemaResource {
  inputs: Record<string, SchemaProperty>;
  outputs: Record<string, SchemaProperty>;
  required: string[];
  additionalSecretOutputs: string[];
}
interface Schema {
  resources: Record<string, SchemaResource>;
}

/** How the test declares and reads a bound resource without knowing its Args type. */
interface BoundResource {
  create(name: string, args: Record<string, unknown>): pulumi.CustomResource;
  get(name: string, id: string, state: Record<string, unknown>): pulumi.CustomResource;
  /** Input values that satisfy the client-side checks; other inputs get a generic sample value. */
  validInputs: Record<string, unknown>;
}

/** The shape shared by all bound resource classes (constructor and method parameters are compared bivariantly). */
interface ResourceClass {
  new (name: string, args: object): pulumi.CustomResource;
  get(name: string, id: string, state: object): pulumi.CustomResource;
}

function sampleValue(name: string, property: SchemaProperty): unknown {
  switch (property.type) {
    case "string":
      return `sample-${name}`;
    case "integer":
      return 4242;
    case "boolean":
      return true;
    case "array":
      return [`sample-${name}`];
    case "object":
      return { sample: name };
    default: {
      const unhandled: never = property.type;
      return unhandled;
    }
  }
}

function sampleValues(properties: Record<string, SchemaProperty>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(properties).map(([name, p]) => [name, sampleValue(name, p)]));
}

function outputOf(resource: pulumi.CustomResource, name: string): pulumi.Output<unknown> {
  return (resource as unknown as Record<string, pulumi.Output<unknown>>)[name];
}

describe("gitlab bindings: conformance with the provider 10.1.1 schema", function () {
  let schema: Schema;
  let engine: GitlabMockEngine;
  let bindings: Map<string, BoundResource>;
  let loaded: GitlabBindings | undefined;
  const bindingsModule = () => loaded ?? assert.fail("the bindings are not loaded");

  before(async function () {
    if (!fs.existsSync(SCHEMA_PATH)) {
      console.log(`    skipped: reference schema not found at ${SCHEMA_PATH}`);
      this.skip();
    }
    schema = JSON.parse(fs.readFileSync(SCHEMA_PATH, "utf8")) as Schema;
    engine = await installGitlabMocks();
    const gitlab: GitlabBindings = await import("../../../../components/gitlab/bindings");
    loaded = gitlab;
    // Args/State types are checked by the compiler elsewhere; here every resource is driven by schema names.
    const bind = (cls: ResourceClass, validInputs: Record<string, unknown>): BoundResource => ({
      create: (name, args) => new cls(name, args),
      get: (name, id, state) => cls.get(name, id, state),
      validInputs,
    });
    const validVariable = { key: "SAMPLE_KEY", masked: true, variableType: "env_var" };
    bindings = new Map([
      [
        gitlab.UserRunner.__pulumiType,
        bind(gitlab.UserRunner, {
          runnerType: "group_type",
          projectId: undefined,
          accessLevel: "ref_protected",
          maximumTimeout: 3600,
        }),
      ],
      [gitlab.ProjectVariable.__pulumiType, bind(gitlab.ProjectVariable, validVariable)],
      [gitlab.GroupVariable.__pulumiType, bind(gitlab.GroupVariable, validVariable)],
      [gitlab.InstanceVariable.__pulumiType, bind(gitlab.InstanceVariable, validVariable)],
      [gitlab.ProjectRunnerEnablement.__pulumiType, bind(gitlab.ProjectRunnerEnablement, {})],
      [
        gitlab.RepositoryFile.__pulumiType,
        // One commit message for all commits: it conflicts with the create/update/delete variants.
        bind(gitlab.RepositoryFile, { encoding: "text", commitMessage: undefined }),
      ],
      [gitlab.ClusterAgent.__pulumiType, bind(gitlab.ClusterAgent, { name: "sample-agent" })],
      [gitlab.ClusterAgentToken.__pulumiType, bind(gitlab.ClusterAgentToken, {})],
    ]);
  });

  it("binds each resource of the task under its schema token", () => {
    for (const token of bindings.keys()) {
      assert.ok(schema.resources[token], `${token} is not in the schema`);
    }
  });

  it("registers every schema input under its schema name and nothing else", async () => {
    for (const [token, binding] of bindings) {
      const resource = schema.resources[token];
      const args = { ...sampleValues(resource.inputs), ...binding.validInputs };
      const name = `inputs-${token.split(":").pop()}`;
      await registered(binding.create(name, args));
      const sent = Object.keys(engine.registration(token, name).inputs).sort();
      const expected = Object.entries(args)
        .filter(([, value]) => value !== undefined)
        .map(([key]) => key)
        .sort();
      assert.deepEqual(sent, expected, token);
      for (const key of sent) {
        assert.ok(key in resource.inputs, `${token}: "${key}" is not a schema input`);
      }
    }
  });

  it("resolves every schema output after create, including output-only ones", async () => {
    for (const [token, binding] of bindings) {
      const resource = schema.resources[token];
      const state = sampleValues(resource.outputs);
      engine.extraStateByType.set(token, state);
      const name = `outputs-${token.split(":").pop()}`;
      const created = binding.create(name, { ...sampleValues(resource.inputs), ...binding.validInputs });
      for (const [output, expected] of Object.entries(state)) {
        assert.deepEqual(await valueOf(outputOf(created, output)), expected, `${token}.${output}`);
      }
      engine.extraStateByType.delete(token);
    }
  });

  it("get() sends every state property and resolves every schema output", async () => {
    for (const [token, binding] of bindings) {
      const resource = schema.resources[token];
      const state = { ...sampleValues(resource.inputs), ...sampleValues(resource.outputs) };
      const name = `get-${token.split(":").pop()}`;
      const existing = binding.get(name, "sample-id", state);
      await registered(existing);
      assert.deepEqual(
        Object.keys(engine.registration(token, name).inputs).sort(),
        Object.keys(state).sort(),
      );
      for (const output of Object.keys(resource.outputs)) {
        assert.deepEqual(await valueOf(outputOf(existing, output)), state[output], `${token}.${output}`);
      }
    }
  });

  it("a runner's lowest maximumTimeout is the schema's, in the bindings and in the stack file's checks alike", async () => {
    const minimum = schema.resources[bindingsModule().UserRunner.__pulumiType].inputs.maximumTimeout.minimum;
    assert.equal(bindingsModule().MIN_RUNNER_MAXIMUM_TIMEOUT_SECONDS, minimum);
    const model = await import("../../../../model/gitlab-limits");
    assert.equal(model.MIN_RUNNER_MAXIMUM_TIMEOUT_SECONDS, minimum);
  });

  it("lists exactly the schema's secret outputs in additionalSecretOutputs", () => {
    for (const token of bindings.keys()) {
      const registration = engine.registration(token, `inputs-${token.split(":").pop()}`);
      const fromSchema = schema.resources[token].additionalSecretOutputs;
      for (const name of fromSchema) {
        assert.ok(registration.additionalSecretOutputs.includes(name), `${token}: ${name} not secret`);
      }
      for (const name of registration.additionalSecretOutputs) {
        assert.ok(fromSchema.includes(name), `${token}: unexpected secret ${name}`);
      }
    }
  });
});
