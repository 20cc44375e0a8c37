import * as pulumi from "@pulumi/pulumi";
import { specialSecretSig, specialSigKey } from "@pulumi/pulumi/runtime/rpc";

/** One resource registration (or read, for `X.get`) as it reached the engine. */
export interface RecordedRegistration {
  readonly kind: "register" | "read";
  readonly type: string;
  readonly name: string;
  /** Inputs as the mock's `newResource` received them (secrets already unwrapped). */
  readonly inputs: Record<string, unknown>;
  /** Inputs exactly as serialized for the engine: secrets are still wrapped, see `isWireSecret`. */
  readonly wireInputs: Record<string, unknown>;
  /** The `version` resource option. */
  readonly version: string;
  /** The `additionalSecretOutputs` resource option. */
  readonly additionalSecretOutputs: string[];
}

/** One function invoke as it reached the engine. */
export interface RecordedInvoke {
  readonly token: string;
  /** Arguments as sent to the engine (secrets are unwrapped before an invoke is sent). */
  readonly args: Record<string, unknown>;
  /** The `version` invoke option. */
  readonly version: string;
}

/** The parts of the protobuf requests the runtime sends to the resource monitor that the tests look at. */
interface WireStruct {
  toJavaScript(): Record<string, unknown>;
}
interface RegisterRequest {
  getType(): string;
  getName(): string;
  getVersion(): string;
  getAdditionalsecretoutputsList(): string[];
  getObject(): WireStruct | undefined;
}
interface ReadRequest {
  getType(): string;
  getName(): string;
  getVersion(): string;
  getAdditionalsecretoutputsList(): string[];
  getProperties(): WireStruct | undefined;
}
interface InvokeRequest {
  getTok(): string;
  getVersion(): string;
  getArgs(): WireStruct | undefined;
}
type Callback = (err: unknown, response: unknown) => void;
interface RecordableMonitor {
  registerResource(req: RegisterRequest, callback: Callback): unknown;
  readResource(req: ReadRequest, callback: Callback): unknown;
  invoke(req: InvokeRequest, callback: Callback): unknown;
}

/** What the tests control and observe about the mock engine. */
export class GitlabMockEngine {
  readonly registrations: RecordedRegistration[] = [];
  readonly invokes: RecordedInvoke[] = [];
  /** State the mock returns on top of echoing the inputs, per resource type. */
  readonly extraStateByType = new Map<string, Record<string, unknown>>();
  /** Result the mock returns per function token. */
  readonly invokeResultByToken = new Map<string, Record<string, unknown>>();

  private readonly wireByKey = new Map<string, Omit<RecordedRegistration, "inputs">>();

  /** The last registration of `name` with `type`; fails the test when there is none. */
  registration(type: string, name: string): RecordedRegistration {
    const found = this.registrations.filter((r) => r.type === type && r.name === name).pop();
    if (found === undefined) {
      throw new Error(`no registration of ${type} "${name}"`);
    }
    return found;
  }

  /** @internal Joins what the monitor saw with what `newResource` saw. */
  recordNewResource(args: pulumi.runtime.MockResourceArgs): void {
    const wire = this.wireByKey.get(registrationKey(args.type, args.name));
    if (wire === undefined) {
      throw new Error(`mock saw ${args.type} "${args.name}" without a monitor request`);
    }
    this.registrations.push({ ...wire, inputs: { ...(args.inputs as Record<string, unknown>) } });
  }

  /** @internal Wraps the mock monitor so resource options that never reach `newResource` are recorded too. */
  recordMonitorRequests(monitor: RecordableMonitor): void {
    const register = monitor.registerResource.bind(monitor);
    monitor.registerResource = (req, callback) => {
      this.rememberWire("register", req, req.getObject());
      return register(req, callback);
    };
    const read = monitor.readResource.bind(monitor);
    monitor.readResource = (req, callback) => {
      this.rememberWire("read", req, req.getProperties());
      return read(req, callback);
    };
    const invoke = monitor.invoke.bind(monitor);
    monitor.invoke = (req, callback) => {
      this.invokes.push({
        token: req.getTok(),
        args: req.getArgs()?.toJavaScript() ?? {},
        version: req.getVersion(),
      });
      return invoke(req, callback);
    };
  }

  private rememberWire(
    kind: RecordedRegistration["kind"],
    req: RegisterRequest | ReadRequest,
    object: WireStruct | undefined,
  ): void {
    this.wireByKey.set(registrationKey(req.getType(), req.getName()), {
      kind,
      type: req.getType(),
      name: req.getName(),
      wireInputs: object?.toJavaScript() ?? {},
      version: req.getVersion(),
      additionalSecretOutputs: req.getAdditionalsecretoutputsList(),
    });
  }
}

/**
 * Installs Pulumi mocks that echo inputs back as state (plus `extraStateByType`) and record every
 * registration and invoke. Call it before loading the bindings.
 */
export async function installGitlabMocks(): Promise<GitlabMockEngine> {
  const engine = new GitlabMockEngine();
  await pulumi.runtime.setMocks(
    {
      newResource(args) {
        engine.recordNewResource(args);
        const state = {
          ...(args.inputs as Record<string, unknown>),
          ...engine.extraStateByType.get(args.type),
        };
        return { id: args.id || `${args.name}-id`, state };
      },
      call(args) {
        return engine.invokeResultByToken.get(args.token) ?? {};
      },
    },
    "gitlab-ci-platform",
    "test",
    false,
  );
  // setMocks installs its monitor as the runtime's monitor; the object is the SDK's MockMonitor.
  engine.recordMonitorRequests(pulumi.runtime.getMonitor() as unknown as RecordableMonitor);
  return engine;
}

/** True when a serialized input is a secret (the engine-side encoding of `pulumi.secret`). */
export function isWireSecret(value: unknown): boolean {
  return (
    typeof value === "object" &&
    value !== null &&
    (value as Record<string, unknown>)[specialSigKey] === specialSecretSig
  );
}

/** The plain value inside a serialized secret. */
export function wireSecretValue(value: unknown): unknown {
  return (value as { value?: unknown }).value;
}

/** Resolves with the value of an Output (mocks run as `up`, so values are known). */
export function valueOf<T>(output: pulumi.Output<T>): Promise<T> {
  if (!pulumi.Output.isInstance(output)) {
    // A declared output the runtime never created: its name was missing from the registered inputs.
    return Promise.reject(new Error(`expected an Output, got ${String(output)}`));
  }
  return new Promise((resolve) => output.apply(resolve));
}

/** Waits until the resource's registration has reached the engine. */
export async function registered(resource: pulumi.Resource): Promise<void> {
  await valueOf(resource.urn);
}

function registrationKey(type: string, name: string): string {
  return `${type}::${name}`;
}
