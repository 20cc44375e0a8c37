/** Scopes a runner can be created in (wire values; GitLab compares them case-insensitively). */
export const RUNNER_TYPES = ["instance_type", "group_type", "project_type"] as const;
export type RunnerType = (typeof RUNNER_TYPES)[number];

/** Which refs a runner may run jobs for (wire values; GitLab compares them case-insensitively). */
export const ACCESS_LEVELS = ["not_protected", "ref_protected"] as const;
export type AccessLevel = (typeof ACCESS_LEVELS)[number];

/** Kinds of CI/CD variable (wire values; case-sensitive). */
export const VARIABLE_TYPES = ["env_var", "file"] as const;
export type VariableType = (typeof VARIABLE_TYPES)[number];

/** How a repository file's content is encoded (wire values; case-sensitive). */
export const REPOSITORY_FILE_ENCODINGS = ["text", "base64"] as const;
export type RepositoryFileEncoding = (typeof REPOSITORY_FILE_ENCODINGS)[number];
