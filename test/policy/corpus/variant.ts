/** One stack the corpus synthesizes: a shipped stack file changed the way a careful platform team would. */
export interface Variant {
  /** The stack's name; it picks the profile (`dev-…` is judged as dev, anything else as prod). */
  name: string;
  /** The shipped stack file it starts from. */
  from: "dev" | "prod";
  /** What the variant is, in a few words. */
  what: string;
  /** Changes the stack file's `config` in place. */
  change(config: Config): void;
  /** Whether the synthesized export shows the change, so a variant that changed nothing cannot pass unnoticed. */
  shows(rendered: Rendered): boolean;
  /**
   * For the corpus's controls only: the policies that must report the variant as mandatory, which shows the
   * corpus would see a false alarm (sound variants have none).
   */
  flaggedBy?: string[];
}

export type Config = Record<string, unknown>;

/** What a variant's `shows` reads: the rendered config.toml files and every resource's type, name and inputs. */
export interface Rendered {
  tomls: string[];
  resources: Array<{ type: string; name: string; inputs: Record<string, unknown> }>;
}

type Fleet = Record<string, unknown> & { kubernetes: Record<string, unknown> };

const KEY = "gitlab-ci-platform:";

/** A top-level key of the stack file's config (`fleets`, `cluster`, …), created empty when missing. */
export function key<T>(config: Config, name: string, empty: T): T {
  config[`${KEY}${name}`] ??= empty;
  return config[`${KEY}${name}`] as T;
}

export function fleets(config: Config): Fleet[] {
  return key<Fleet[]>(config, "fleets", []);
}

export function fleet(config: Config, name: string): Fleet {
  const found = fleets(config).find((f) => f.name === name);
  if (!found) throw new Error(`the stack file has no fleet ${name}`);
  found.kubernetes ??= {};
  return found;
}

/** A config.toml of the export matches. */
export const toml =
  (pattern: RegExp) =>
  ({ tomls }: Rendered): boolean =>
    tomls.some((text) => pattern.test(text));

/** A resource of the type whose inputs (as JSON) match. */
export const resource =
  (type: string, pattern: RegExp = /./) =>
  ({ resources }: Rendered): boolean =>
    resources.some((r) => r.type === type && pattern.test(JSON.stringify(r.inputs)));

/** The stack's deploy fleet as a locked project runner of the application: sound in dev and in prod alike. */
export function projectDeployRunner(from: Variant["from"]): Variant {
  return {
    name: `${from}-project-deploy-runner`,
    from,
    what: "the deploy fleet as a locked project runner of the application",
    change: (c) =>
      Object.assign(fleet(c, "deploy"), {
        scope: { type: "project", project: "platform/shop" },
        locked: true,
      }),
    shows: resource("gitlab:index/userRunner:UserRunner", /project_type/),
  };
}
