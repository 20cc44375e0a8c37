export { GITLAB_PROVIDER_VERSION, withInvokeProviderVersion, withProviderVersion } from "./version";
export {
  ACCESS_LEVELS,
  REPOSITORY_FILE_ENCODINGS,
  RUNNER_TYPES,
  VARIABLE_TYPES,
  type AccessLevel,
  type RepositoryFileEncoding,
  type RunnerType,
  type VariableType,
} from "./enums";
export { Provider, type ProviderArgs } from "./provider";
export { UserRunner } from "./user-runner";
export {
  MAX_RUNNER_MAINTENANCE_NOTE_LENGTH,
  MIN_RUNNER_MAXIMUM_TIMEOUT_SECONDS,
  type UserRunnerArgs,
  type UserRunnerState,
} from "./user-runner-args";
export { ProjectVariable, type ProjectVariableArgs, type ProjectVariableState } from "./project-variable";
export { GroupVariable, type GroupVariableArgs, type GroupVariableState } from "./group-variable";
export {
  InstanceVariable,
  MAX_INSTANCE_VARIABLE_DESCRIPTION_LENGTH,
  type InstanceVariableArgs,
  type InstanceVariableState,
} from "./instance-variable";
export { MAX_VARIABLE_KEY_LENGTH, VARIABLE_KEY_PATTERN } from "./variable-checks";
export {
  ProjectRunnerEnablement,
  type ProjectRunnerEnablementArgs,
  type ProjectRunnerEnablementState,
} from "./project-runner-enablement";
export { RepositoryFile } from "./repository-file";
export { type RepositoryFileArgs, type RepositoryFileState } from "./repository-file-args";
export { ClusterAgent, type ClusterAgentArgs, type ClusterAgentState } from "./cluster-agent";
export { CLUSTER_AGENT_NAME } from "./cluster-agent-checks";
export {
  ClusterAgentToken,
  type ClusterAgentTokenArgs,
  type ClusterAgentTokenState,
} from "./cluster-agent-token";
export { getGroupOutput, type GetGroupOutputArgs, type GetGroupResult } from "./get-group";
export {
  getProjectOutput,
  type GetProjectOutputArgs,
  type GetProjectNamespace,
  type GetProjectResult,
} from "./get-project";
