import {
  ANNOTATIONS,
  AUTHENTICATION_GROUP,
  CI_JOB_EXTRA_KEYS,
  COMPONENTS,
  LABELS,
  readAgentAccessAnnotation,
} from "./facts";
import { ResourceView, asRecord, asString, at, label } from "./view";

/** What agentk's ClusterRole may name: any user, the jobs' groups, the agent server's extra keys. */
const IMPERSONABLE: Record<string, string> = {
  users: "",
  groups: "",
  ...Object.fromEntries(CI_JOB_EXTRA_KEYS.map((key) => [`userextras/${key}`, AUTHENTICATION_GROUP])),
};

/** An object of the GitLab agent: labelled as the platform labels agentk's. */
export function isAgentObject(resource: ResourceView): boolean {
  return label(resource, LABELS.component) === COMPONENTS.agent;
}

/** The project and GitLab environment whose jobs an application namespace serves through the agent, if any. */
export function agentAccessOf(
  namespace: ResourceView | undefined,
): { project: string; gitlabEnvironment: string } | undefined {
  const annotation = asString(
    asRecord(at(namespace?.props, "metadata.annotations"))?.[ANNOTATIONS.agentAccess],
  );
  return annotation === undefined ? undefined : readAgentAccessAnnotation(annotation);
}

/** Whether an RBAC rule only impersonates what agentk's table lists (any user, groups, the agent server's extras). */
export function withinAgentTable(rule: {
  apiGroups: string[];
  resources: string[];
  verbs: string[];
}): boolean {
  return (
    rule.verbs.length > 0 &&
    rule.verbs.every((v) => v === "impersonate") &&
    rule.resources.length > 0 &&
    rule.resources.every((r) => r in IMPERSONABLE && rule.apiGroups.every((g) => g === IMPERSONABLE[r]))
  );
}
