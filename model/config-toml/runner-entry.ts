import { z } from "../zod";
import { CACHE_SECTION, cacheSettingsSchema } from "./cache";
import { KUBERNETES_SECTION, kubernetesSettingsSchema } from "./kubernetes";
import {
  executorName,
  featureFlags,
  goDuration,
  isEnvReference,
  type KeyTable,
  nonNegativeInt,
  runnerLabels,
  shellName,
  stringList,
} from "./primitives";
import { section } from "./section";

const HTTP_URL = /^https?:\/\/[^\s/]+/;

const gitlabUrl = z
  .string({ error: "must be the GitLab URL, for example https://gitlab.example.com" })
  .refine((url) => HTTP_URL.test(url) || isEnvReference(url), {
    error: "must be an http(s) URL such as https://gitlab.example.com, or a ${VAR} reference",
  });

export const customBuildDirSchema = z.strictObject({ enabled: z.boolean().optional() });
export type CustomBuildDir = z.infer<typeof customBuildDirSchema>;
const CUSTOM_BUILD_DIR_KEYS: KeyTable<CustomBuildDir> = { enabled: "enabled" };

/** One [[runners]] entry, limited to what matters for the Kubernetes executor. */
export const runnerEntrySchema = z.strictObject({
  name: z.string().optional(),
  url: gitlabUrl,
  token: z
    .string({ error: "must be the runner authentication token" })
    .min(1, { error: "must not be empty" }),
  executor: executorName,
  limit: nonNegativeInt.optional(),
  outputLimit: nonNegativeInt.optional(),
  requestConcurrency: nonNegativeInt.optional(),
  strictCheckInterval: z.boolean().optional(),
  unhealthyRequestsLimit: nonNegativeInt.optional(),
  unhealthyInterval: goDuration.optional(),
  jobStatusFinalUpdateRetryLimit: nonNegativeInt.optional(),
  tlsCaFile: z.string().optional(),
  tlsCertFile: z.string().optional(),
  tlsKeyFile: z.string().optional(),
  labels: runnerLabels.optional(),
  buildsDir: z.string().optional(),
  cacheDir: z.string().optional(),
  cloneUrl: z.string().optional(),
  environment: stringList.optional(),
  proxyExec: z.boolean().optional(),
  preGetSourcesScript: z.string().optional(),
  postGetSourcesScript: z.string().optional(),
  preBuildScript: z.string().optional(),
  postBuildScript: z.string().optional(),
  prepareTimeout: goDuration.optional(),
  getSourcesTimeout: goDuration.optional(),
  debugTraceDisabled: z.boolean().optional(),
  safeDirectoryCheckout: z.boolean().optional(),
  cleanGitConfig: z.boolean().optional(),
  shell: shellName.optional(),
  customBuildDir: customBuildDirSchema.optional(),
  featureFlags: featureFlags.optional(),
  stepRunnerImage: z.string().optional(),
  cache: cacheSettingsSchema.optional(),
  kubernetes: kubernetesSettingsSchema.optional(),
});
export type RunnerEntry = z.infer<typeof runnerEntrySchema>;

/**
 * A [[runners]] entry as read from an existing file or a registration template (`--template-config`): url,
 * token and executor may come later, and url may be any text the runner takes (`gitlab.example.com` without a
 * scheme, as GitLab's documentation writes it); readers normalise it and say so.
 */
export const runnerTemplateSchema = runnerEntrySchema
  .partial({ token: true, executor: true })
  .extend({ url: z.string().min(1, { error: "must be the GitLab URL" }).optional() });
export type RunnerTemplate = z.infer<typeof runnerTemplateSchema>;

export const RUNNER_KEYS: KeyTable<RunnerEntry> = {
  name: "name",
  url: "url",
  token: "token",
  executor: "executor",
  limit: "limit",
  outputLimit: "output_limit",
  requestConcurrency: "request_concurrency",
  strictCheckInterval: "strict_check_interval",
  unhealthyRequestsLimit: "unhealthy_requests_limit",
  unhealthyInterval: "unhealthy_interval",
  jobStatusFinalUpdateRetryLimit: "job_status_final_update_retry_limit",
  tlsCaFile: "tls-ca-file",
  tlsCertFile: "tls-cert-file",
  tlsKeyFile: "tls-key-file",
  labels: "labels",
  buildsDir: "builds_dir",
  cacheDir: "cache_dir",
  cloneUrl: "clone_url",
  environment: "environment",
  proxyExec: "proxy_exec",
  preGetSourcesScript: "pre_get_sources_script",
  postGetSourcesScript: "post_get_sources_script",
  preBuildScript: "pre_build_script",
  postBuildScript: "post_build_script",
  prepareTimeout: "prepare_timeout",
  getSourcesTimeout: "get_sources_timeout",
  debugTraceDisabled: "debug_trace_disabled",
  safeDirectoryCheckout: "safe_directory_checkout",
  cleanGitConfig: "clean_git_config",
  shell: "shell",
  customBuildDir: "custom_build_dir",
  featureFlags: "feature_flags",
  stepRunnerImage: "step_runner_image",
  cache: "cache",
  kubernetes: "kubernetes",
};

export const RUNNER_SECTION = section<RunnerEntry>(RUNNER_KEYS, {
  customBuildDir: section<CustomBuildDir>(CUSTOM_BUILD_DIR_KEYS),
  cache: CACHE_SECTION,
  kubernetes: KUBERNETES_SECTION,
});

const REGISTRATION_RECORD =
  "written by gitlab-runner register to track the token; leave it out of a rendered config";
const OTHER_EXECUTOR = "configures another executor; this model covers the Kubernetes executor only";
const NOT_MODELLED = "a valid runner key that this model does not cover";

/** Keys the runner accepts in [[runners]] that this model leaves out, with the reason. */
export const RUNNER_KEYS_OUTSIDE_MODEL: Readonly<Record<string, string>> = {
  id: REGISTRATION_RECORD,
  token_obtained_at: REGISTRATION_RECORD,
  token_expires_at: REGISTRATION_RECORD,
  experimental: NOT_MODELLED,
  referees: NOT_MODELLED,
  artifact: NOT_MODELLED,
  monitoring: NOT_MODELLED,
  use_slot_cgroups: NOT_MODELLED,
  slot_cgroup_template: NOT_MODELLED,
  instance: OTHER_EXECUTOR,
  ssh: OTHER_EXECUTOR,
  docker: OTHER_EXECUTOR,
  parallels: OTHER_EXECUTOR,
  virtualbox: OTHER_EXECUTOR,
  machine: OTHER_EXECUTOR,
  custom: OTHER_EXECUTOR,
  autoscaler: OTHER_EXECUTOR,
};
