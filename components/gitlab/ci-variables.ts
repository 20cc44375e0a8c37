import * as pulumi from "@pulumi/pulumi";
import type { VariableSpec } from "../../model/gitlab";
import { GroupVariable, ProjectVariable } from "./bindings";

/**
 * One CI/CD variable in GitLab's terms (see VariableSpec) with its value. A credential's value is a Pulumi secret in
 * inputs and state; any other value is stored as it is, so a review can tell the two apart.
 */
export interface CiVariable extends Omit<VariableSpec, "kubeconfig"> {
  value: pulumi.Input<string>;
}

export interface CiVariablesArgs {
  variables: CiVariable[];
}

/**
 * CI/CD variables on groups and projects, each one resource; credentials are secrets in inputs and state. The
 * GitLab provider comes through the resource options (`provider`), as with any component.
 */
export class CiVariables extends pulumi.ComponentResource {
  public readonly resources: Array<GroupVariable | ProjectVariable>;

  constructor(name: string, args: CiVariablesArgs, opts?: pulumi.ComponentResourceOptions) {
    super("gitlab-ci-platform:gitlab:CiVariables", name, {}, opts);
    const child = { parent: this };
    this.resources = args.variables.map((v) => ciVariable(`${name}-${resourceSuffix(v)}`, v, child));
    this.registerOutputs({
      variables: args.variables.map((v) => ({
        owner: `${v.owner.kind} ${v.owner.path}`,
        key: v.key,
        environmentScope: v.environmentScope,
      })),
    });
  }
}

/** Creates one variable on its owner. Exported for components that deliver a single variable of their own. */
export function ciVariable(
  resourceName: string,
  v: CiVariable,
  opts: pulumi.CustomResourceOptions,
): GroupVariable | ProjectVariable {
  const fields = {
    key: v.key,
    value: v.credential ? pulumi.secret(v.value) : v.value,
    masked: v.masked,
    hidden: v.hidden,
    protected: v.protected,
    variableType: v.variableType,
    environmentScope: v.environmentScope,
    raw: v.raw,
    description: v.description,
  };
  // The provider does not mark values secret: a credential's is kept secret in state on purpose.
  const options = v.credential ? pulumi.mergeOptions(opts, { additionalSecretOutputs: ["value"] }) : opts;
  return v.owner.kind === "group"
    ? new GroupVariable(resourceName, { ...fields, group: v.owner.path }, options)
    : new ProjectVariable(resourceName, { ...fields, project: v.owner.path }, options);
}

/** Owner, key and scope as a resource-name part: GitLab's own identity of a variable, so names never clash. */
function resourceSuffix(v: CiVariable): string {
  const scope = v.environmentScope === "*" ? "all" : v.environmentScope;
  return [v.owner.kind, v.owner.path, v.key, scope].join("-").replace(/[^A-Za-z0-9_-]+/g, "-");
}
