import * as pulumi from "@pulumi/pulumi";
import type { VariableType } from "./enums";
import { checkRequiredInputs } from "./required-inputs";
import { hasPulumiType } from "./resource-type";
import { checkVariableArgs } from "./variable-checks";
import { withProviderVersion } from "./version";

/** Fields every CI/CD variable has (instance, group, project). */
export interface VariableFields {
  /** Variable name: 1 to 255 characters from `[a-zA-Z0-9_]`. Changing it replaces the variable. */
  key: pulumi.Input<string>;
  /**
   * Variable value. The provider does not mark it secret (as the generated SDK, these bindings pass it as given):
   * pass a secret Output, and list "value" in additionalSecretOutputs, for a credential.
   */
  value: pulumi.Input<string>;
  /** Free-text description shown in the GitLab UI. */
  description?: pulumi.Input<string>;
  /**
   * Mask the value in job logs. GitLab rejects values that do not meet its masking rules (at least 8
   * characters, one line, no spaces) at `pulumi up`. Unset: GitLab's default, false.
   */
  masked?: pulumi.Input<boolean>;
  /** Expose the variable only to pipelines on protected branches and tags. Unset: GitLab's default, false. */
  protected?: pulumi.Input<boolean>;
  /** Treat the value literally, without `$VAR` expansion. Unset: GitLab's default, false. */
  raw?: pulumi.Input<boolean>;
  /** `env_var` (value in the variable) or `file` (value written to a file, path in the variable). Unset: `env_var`. */
  variableType?: pulumi.Input<VariableType>;
}

/** Fields of group and project variables on top of the common ones. */
export interface ScopedVariableFields extends VariableFields {
  /** Environments the variable applies to. Default `"*"` (all). Changing it replaces the variable. */
  environmentScope?: pulumi.Input<string>;
  /**
   * Hide the value in the UI; only allowed with `masked: true`. The value is never read back from GitLab.
   * Changing it replaces the variable.
   */
  hidden?: pulumi.Input<boolean>;
}

/** What sets one kind of variable apart: its type token, its own inputs, and checks beyond the common ones. */
export interface VariableKind<Args extends VariableFields> {
  /** The provider's type token, e.g. `gitlab:index/projectVariable:ProjectVariable`. */
  type: string;
  /** How errors name the resource type, e.g. `gitlab.ProjectVariable`. */
  label: string;
  /** Inputs besides the common fields (owner, scope). */
  ownKeys: readonly Exclude<keyof Args & string, keyof VariableFields>[];
  /** Inputs a declaration must set. */
  required: readonly (keyof Args & string)[];
  /** Checks of the kind's own, on values that are already known. */
  check?: (name: string, args: Partial<Args>) => void;
}

const COMMON_KEYS = ["description", "key", "masked", "protected", "raw", "value", "variableType"] as const;

/**
 * The one definition of a variable binding. Every kind registers the same way (each state key, unset ones as
 * `undefined` so their outputs resolve, as the generated SDK does), checks the same rules and declares the same
 * outputs; a kind only names its type, its own inputs and its own checks.
 */
export function variableResource<Args extends VariableFields>(kind: VariableKind<Args>) {
  return class Variable extends pulumi.CustomResource {
    public static readonly __pulumiType: string = kind.type;

    /** Looks up an existing variable by its ID (`<owner>:<key>:<environmentScope>`, or the key on an instance). */
    public static get<T>(
      this: new (name: string, state?: Partial<Args>, opts?: pulumi.CustomResourceOptions) => T,
      name: string,
      id: pulumi.Input<pulumi.ID>,
      state?: Partial<Args>,
      opts?: pulumi.CustomResourceOptions,
    ): T {
      return new this(name, state, { ...opts, id });
    }

    /** True when `obj` is a variable of this kind, even one loaded from another copy of these bindings. */
    public static override isInstance<T>(this: abstract new (...args: never[]) => T, obj: unknown): obj is T {
      return hasPulumiType(obj, kind.type);
    }

    // `declare` keeps the outputs out of the emitted class fields, which would otherwise overwrite the Outputs the
    // runtime assigns in the CustomResource constructor.
    declare public readonly description: pulumi.Output<string>;
    declare public readonly key: pulumi.Output<string>;
    declare public readonly masked: pulumi.Output<boolean>;
    declare public readonly protected: pulumi.Output<boolean>;
    declare public readonly raw: pulumi.Output<boolean>;
    /** Variable value: secret where the input was. */
    declare public readonly value: pulumi.Output<string>;
    declare public readonly variableType: pulumi.Output<string>;

    constructor(name: string, args: Args, opts?: pulumi.CustomResourceOptions);
    constructor(name: string, argsOrState?: Args | Partial<Args>, opts?: pulumi.CustomResourceOptions);
    constructor(name: string, argsOrState?: Args | Partial<Args>, opts: pulumi.CustomResourceOptions = {}) {
      const source: Partial<Args> | undefined = argsOrState;
      if (!opts.id) {
        checkRequiredInputs<Partial<Args>>(source, kind.required, opts);
        if (source !== undefined && !opts.urn) {
          checkVariableArgs(kind.label, name, source);
          kind.check?.(name, source);
        }
      }
      const keys: string[] = [...COMMON_KEYS, ...kind.ownKeys].sort();
      const inputs = source as Record<string, unknown> | undefined;
      super(
        kind.type,
        name,
        Object.fromEntries(keys.map((k) => [k, inputs?.[k]])),
        withProviderVersion(opts),
      );
    }
  };
}
