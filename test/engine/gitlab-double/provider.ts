import type * as provider from "@pulumi/pulumi/provider";
import { BEHAVIOURS, type Behaviour, GENERIC } from "./behaviours";
import { lookUp } from "./lookups";
import { type GitLabSchema, type PropertySpec, type ResourceSpec, typeOfUrn } from "./schema";
import { nextId, type Store } from "./store";
import { type Failure, validateInputs } from "./validate";
import { containsUnknown, isSecret, reveal, secret } from "./wire";

type Values = Record<string, unknown>;

/** The double does not see the provider's configuration (the SDK's server does not pass it on): one fixed instance. */
const GITLAB_URL = "https://gitlab.double.test";

/** The resource provider: schema checks in `check` and `invoke`, GitLab's answers kept in the store. */
export class GitLabDouble implements provider.Provider {
  readonly version: string;

  constructor(
    private readonly gitlab: GitLabSchema,
    private readonly store: Store,
  ) {
    this.version = gitlab.source.providerVersion;
  }

  async check(urn: string, _olds: Values, news: Values): Promise<provider.CheckResult> {
    const type = typeOfUrn(urn);
    const spec = this.gitlab.resources[type];
    if (!spec) return { inputs: news, failures: [noSuchType(type)] };
    const failures = validateInputs(news, spec, this.gitlab.types);
    return { inputs: { ...schemaDefaults(spec.inputs), ...withoutNulls(news) }, failures };
  }

  async diff(_id: string, urn: string, olds: Values, news: Values): Promise<provider.DiffResult> {
    const { spec, behaviour } = this.resource(urn);
    const changed = Object.keys(spec.inputs).filter((key) => {
      if (containsUnknown(news[key])) return news[key] !== undefined;
      const orDefault = (value: unknown) =>
        reveal(value) ?? behaviour.defaults[key] ?? spec.inputs[key].default;
      return !sameValue(orDefault(olds[key]), orDefault(news[key]));
    });
    const replaces = changed.filter((key) => spec.replaceOnChanges.includes(key));
    return { changes: changed.length > 0, replaces };
  }

  async create(urn: string, inputs: Values): Promise<provider.CreateResult> {
    const { type, spec, behaviour } = this.resource(urn);
    const plain = { ...behaviour.defaults, ...(reveal(inputs) as Values) };
    return this.store.change((data) => {
      const id = behaviour.id(plain, () => nextId(data));
      if (behaviour.naturalId && data.objects[key(type, id)])
        throw new Error(`${type} ${id}: has already been taken (GitLab answered 400)`);
      const outs = outputs(spec, behaviour, inputs, behaviour.computed(plain, id));
      data.objects[key(type, id)] = { type, inputs, outputs: outs };
      return { id, outs };
    });
  }

  async read(id: string, urn: string): Promise<provider.ReadResult> {
    const found = this.store.get(key(typeOfUrn(urn), id));
    // An empty ID tells the engine the object is gone.
    if (!found) return { id: "", props: {} };
    return { id, props: found.outputs, inputs: found.inputs };
  }

  async update(id: string, urn: string, _olds: Values, news: Values): Promise<provider.UpdateResult> {
    const { type, spec, behaviour } = this.resource(urn);
    const plain = { ...behaviour.defaults, ...(reveal(news) as Values) };
    return this.store.change((data) => {
      const previous = data.objects[key(type, id)];
      if (!previous) throw new Error(`${type} ${id}: not found (GitLab answered 404)`);
      const outs = outputs(
        spec,
        behaviour,
        news,
        behaviour.computed(plain, id, reveal(previous.outputs) as Values),
      );
      data.objects[key(type, id)] = { type, inputs: news, outputs: outs };
      return { outs };
    });
  }

  async delete(id: string, urn: string): Promise<void> {
    const type = typeOfUrn(urn);
    this.store.change((data) => void delete data.objects[key(type, id)]);
  }

  async invoke(token: string, inputs: Values): Promise<provider.InvokeResult> {
    const spec = this.gitlab.functions[token];
    if (!spec) return { failures: [noSuchType(token)] };
    const failures = validateInputs(withoutNulls(inputs), spec, this.gitlab.types);
    if (failures.length > 0) return { failures };
    const answer = lookUp(token, reveal(inputs) as Values, this.store, GITLAB_URL);
    const shaped = Object.fromEntries(
      Object.entries(answer).map(([k, v]) => [k, spec.secretOutputs.includes(k) ? secret(v) : v]),
    );
    return { outputs: shaped };
  }

  private resource(urn: string): { type: string; spec: ResourceSpec; behaviour: Behaviour } {
    const type = typeOfUrn(urn);
    const spec = this.gitlab.resources[type];
    if (!spec) throw new Error(noSuchType(type).reason);
    return { type, spec, behaviour: BEHAVIOURS[type] ?? GENERIC };
  }
}

function noSuchType(type: string): Failure {
  return { property: "", reason: `${type} is not in the GitLab provider's schema (pulumi-gitlab 10.1.1)` };
}

function key(type: string, id: string): string {
  return `${type} ${id}`;
}

function withoutNulls(values: Values): Values {
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== null && v !== undefined));
}

function schemaDefaults(inputs: Record<string, PropertySpec>): Values {
  return Object.fromEntries(
    Object.entries(inputs)
      .filter(([, spec]) => spec.default !== undefined)
      .map(([name, spec]) => [name, spec.default]),
  );
}

/** Tag lists are sets upstream: order does not make a change. */
function sameValue(a: unknown, b: unknown): boolean {
  const normal = (v: unknown) =>
    Array.isArray(v) ? JSON.stringify([...v].map(String).sort()) : JSON.stringify(v ?? null);
  return normal(a) === normal(b);
}

/**
 * Every output the schema lists, as the provider returns it: the inputs (a secret input stays secret), what GitLab
 * computed, GitLab's defaults for the rest; the schema's secret outputs always secret.
 */
function outputs(spec: ResourceSpec, behaviour: Behaviour, inputs: Values, computed: Values): Values {
  const result: Values = {};
  for (const [name, property] of Object.entries(spec.outputs)) {
    const value =
      inputs[name] ??
      computed[name] ??
      behaviour.defaults[name] ??
      spec.inputs[name]?.default ??
      zero(property);
    if (value === undefined) continue;
    result[name] = spec.secret.includes(name) && !isSecret(value) ? secret(value) : value;
  }
  return result;
}

function zero(property: PropertySpec): unknown {
  if (property.optional) return undefined;
  switch (property.type) {
    case "string":
      return "";
    case "integer":
    case "number":
      return 0;
    case "boolean":
      return false;
    case "array":
      return [];
    case "object":
    case undefined:
      return property.$ref ? undefined : {};
    default: {
      const unhandled: never = property.type;
      throw new Error(`unknown property type ${String(unhandled)}`);
    }
  }
}
