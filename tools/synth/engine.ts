import * as path from "node:path";
import * as pulumi from "@pulumi/pulumi";
import { computedOutputs, invokeResult, mockId, type OfflineAnswers, offlineAnswersOf } from "./mock-outputs";
import { withoutPromiseStackTraces } from "./promise-traces";

/** The signature key and value Pulumi uses to mark a secret in serialized properties. */
export const SECRET_SIG_KEY = "4dabf18193072939515e22adb298388d";
export const SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";

/** One resource as the engine would record it. */
export interface RecordedResource {
  urn: string;
  type: string;
  name: string;
  custom: boolean;
  id?: string;
  parent?: string;
  provider?: string;
  dependencies: string[];
  propertyDependencies: Record<string, string[]>;
  /** Inputs as registered; secret values keep the secret marker. */
  inputs: Record<string, unknown>;
  outputs: Record<string, unknown>;
  options: {
    version?: string;
    additionalSecretOutputs: string[];
    replaceOnChanges: string[];
    protect: boolean;
    retainOnDelete: boolean;
    deleteBeforeReplace: boolean;
  };
}

export interface ProgramRun {
  resources: RecordedResource[];
  stackOutputs: Record<string, unknown>;
  /** What the program logged as warnings (`pulumi.log.warn`), in order. */
  warnings: string[];
}

// The runtime's mock monitor and serializers are CommonJS internals without published typings.
/* eslint-disable @typescript-eslint/no-require-imports */
const { MockMonitor } = require("@pulumi/pulumi/runtime/mocks") as { MockMonitor: MockMonitorClass };
const rpc = require("@pulumi/pulumi/runtime/rpc") as {
  deserializeProperties(struct: unknown): Record<string, unknown>;
  serializeProperties(label: string, props: Record<string, unknown>): Promise<Record<string, unknown>>;
};
const resproto = require("@pulumi/pulumi/proto/resource_pb") as {
  RegisterResourceResponse: new () => Response;
};
const structproto = require("google-protobuf/google/protobuf/struct_pb") as {
  Struct: { fromJavaScript(v: unknown): unknown };
};
/* eslint-enable @typescript-eslint/no-require-imports */

interface Response {
  setUrn(u: string): void;
  setId(i: string): void;
  setObject(o: unknown): void;
}
interface RegisterRequest {
  getType(): string;
  getName(): string;
  getParent(): string;
  getCustom(): boolean;
  getProvider(): string;
  getObject(): unknown;
  getDependenciesList(): string[];
  getVersion(): string;
  getAdditionalsecretoutputsList(): string[];
  getReplaceonchangesList(): string[];
  getProtect(): boolean;
  getRetainondelete(): boolean | undefined;
  getDeletebeforereplace(): boolean;
  getPropertydependenciesMap(): {
    forEach(cb: (value: { getUrnsList(): string[] }, key: string) => void): void;
  };
}
type Callback = (err: unknown, response?: unknown) => void;
interface MockMonitorInstance {
  resources: Map<string, { urn: string; id: string | null; state: unknown }>;
  newUrn(parent: string, type: string, name: string): string;
}
type MockMonitorClass = new (mocks: pulumi.runtime.Mocks) => MockMonitorInstance;

/**
 * A mock monitor that records what the engine would: parents, providers, dependencies and the resource options
 * the engine itself acts on (additionalSecretOutputs is honoured, as the real engine does, so secret outputs stay
 * secret downstream).
 */
function recordingMonitor(recorded: RecordedResource[], answers: OfflineAnswers): MockMonitorInstance {
  const mocks: pulumi.runtime.Mocks = {
    newResource: () => {
      throw new Error("unreachable: registerResource is overridden");
    },
    call: (args) => invokeResult(args.token, args.inputs as Record<string, unknown>, answers),
  };
  const monitor = new MockMonitor(mocks);
  const register = async (req: RegisterRequest, callback: Callback) => {
    try {
      callback(null, await registerOne(monitor, req, recorded));
    } catch (err) {
      callback(err);
    }
  };
  // Component outputs (registerOutputs) land on the recorded component, as the engine stores them in state.
  const registerOutputs = (req: { getUrn(): string; getOutputs(): unknown }, callback: Callback) => {
    const resource = recorded.find((r) => r.urn === req.getUrn());
    if (resource && !resource.custom) resource.outputs = rpc.deserializeProperties(req.getOutputs());
    callback(null, {});
  };
  Object.assign(monitor, { registerResource: register, registerResourceOutputs: registerOutputs });
  return monitor;
}

async function registerOne(monitor: MockMonitorInstance, req: RegisterRequest, recorded: RecordedResource[]) {
  const urn = monitor.newUrn(req.getParent(), req.getType(), req.getName());
  const inputs = rpc.deserializeProperties(req.getObject());
  const custom = req.getCustom();
  const id = custom ? mockId(req.getType(), req.getName()) : undefined;
  const secretOutputs = req.getAdditionalsecretoutputsList();
  const outputs = custom
    ? withSecrets({ ...inputs, ...computedOutputs(req.getType(), req.getName(), inputs) }, secretOutputs)
    : {};
  const propertyDependencies: Record<string, string[]> = {};
  req.getPropertydependenciesMap().forEach((v, k) => (propertyDependencies[k] = v.getUrnsList()));
  recorded.push({
    urn,
    type: req.getType(),
    name: req.getName(),
    custom,
    id,
    parent: req.getParent() || undefined,
    provider: req.getProvider() || undefined,
    dependencies: req.getDependenciesList(),
    propertyDependencies,
    inputs,
    outputs,
    options: {
      version: req.getVersion() || undefined,
      additionalSecretOutputs: secretOutputs,
      replaceOnChanges: req.getReplaceonchangesList(),
      protect: req.getProtect(),
      retainOnDelete: req.getRetainondelete() ?? false,
      deleteBeforeReplace: req.getDeletebeforereplace(),
    },
  });
  const state = await rpc.serializeProperties("", outputs);
  monitor.resources.set(urn, { urn, id: id ?? null, state });
  const response = new resproto.RegisterResourceResponse();
  response.setUrn(urn);
  response.setId(id ?? "");
  response.setObject(structproto.Struct.fromJavaScript(state));
  return response;
}

function withSecrets(values: Record<string, unknown>, secretKeys: string[]): Record<string, unknown> {
  const out = { ...values };
  for (const key of secretKeys) {
    if (out[key] !== undefined && !isSecretValue(out[key]))
      out[key] = { [SECRET_SIG_KEY]: SECRET_SIG, value: out[key] };
  }
  return out;
}

export function isSecretValue(value: unknown): value is { value: unknown } {
  return (
    typeof value === "object" &&
    value !== null &&
    (value as Record<string, unknown>)[SECRET_SIG_KEY] === SECRET_SIG
  );
}

/** The program (Pulumi.yaml's main), resolved from here: index.ts from the sources, index.js when precompiled. */
export const PROGRAM_MODULE = path.resolve(__dirname, "../../index");

export interface RunOptions {
  project: string;
  stack: string;
  config: Record<string, string>;
  secretKeys: string[];
  /** Module path of the program (index.ts), or a function declaring resources (component tests). */
  program: string | (() => unknown);
  /** Answers to cloud look-ups; by default what the configuration implies (offlineAnswersOf). */
  answers?: OfflineAnswers;
}

/** Runs the program under the mock runtime, the way `pulumi up` would, and returns what it registered. */
export async function runProgram(options: RunOptions): Promise<ProgramRun> {
  pulumi.runtime.setAllConfig(options.config, options.secretKeys);
  await pulumi.runtime.setMocks(
    { newResource: () => ({ id: "", state: {} }), call: () => ({}) },
    options.project,
    options.stack,
    false,
  );
  const recorded: RecordedResource[] = [];
  const monitor = recordingMonitor(recorded, options.answers ?? offlineAnswersOf(options.config));
  pulumi.runtime.setMockOptions(monitor, options.project, options.stack, false);
  const program = options.program;
  const warnings: string[] = [];
  const outputs = await recordingWarnings(warnings, () =>
    withoutPromiseStackTraces(() =>
      pulumi.runtime.runInPulumiStack(async () =>
        // eslint-disable-next-line @typescript-eslint/no-require-imports
        typeof program === "string" ? (require(program) as Record<string, unknown>) : program(),
      ),
    ),
  );
  await pulumi.runtime.disconnect();
  return { resources: recorded, stackOutputs: (outputs ?? {}) as Record<string, unknown>, warnings };
}

const RUNTIME_WARNING = /^warning: \[runtime\] ([\s\S]*)$/;

/**
 * Without an engine, `pulumi.log.warn` writes `warning: [runtime] <message>` to the console; the recording engine
 * keeps each message, as the engine keeps log requests, and lets the line through.
 */
async function recordingWarnings<T>(into: string[], run: () => Promise<T>): Promise<T> {
  const consoleWarn = console.warn;
  console.warn = (...args: unknown[]) => {
    const logged = RUNTIME_WARNING.exec(args.map(String).join(" "));
    if (logged) into.push(logged[1]);
    consoleWarn(...args);
  };
  try {
    return await run();
  } finally {
    console.warn = consoleWarn;
  }
}
