import { z } from "../model/zod";
import { quantity } from "../model/config-toml";
import { DEFAULTS } from "../model/defaults";
import { DEPLOY_ACCESS_MODES, DEPLOYABLE_KIND_NAMES } from "../model/deploy";
import { dnsLabel } from "../model/formats";
import { namespaceName } from "./formats";

const GITLAB_FULL_PATH = /^[A-Za-z0-9_.][A-Za-z0-9_.-]*(\/[A-Za-z0-9_.][A-Za-z0-9_.-]*)*$/;
const fullPath = (what: string) =>
  z.string().regex(GITLAB_FULL_PATH, {
    message: `must be the ${what}'s full path such as platform/ci (no id, no URL, no leading or trailing '/')`,
  });
/** Names of entries in the variableSecrets secret. */
export const SECRET_NAME = /^[A-Za-z0-9_]+$/;

/** A project's path with its namespace, e.g. `platform/shop`. */
export const projectPath = fullPath("project").refine((p) => p.includes("/"), {
  message: "must be the project's path with its namespace, e.g. platform/shop",
});

/** Who owns a variable: exactly one of group or project (checked by a rule, so both mistakes get one message). */
const ownerFields = {
  /** Group full path, e.g. `platform`. */
  group: fullPath("group").optional(),
  /** Project path with namespace, e.g. `platform/shop`. */
  project: projectPath.optional(),
};

export const variableSchema = z.strictObject({
  ...ownerFields,
  /** Checked by the variable rules, so a bad key reads as GitLab's rule. */
  key: z.string(),
  /** A plain value: for what is no credential. */
  value: z.string().optional(),
  /** Name of the entry in the variableSecrets secret that holds the value. */
  secret: z.string().regex(SECRET_NAME, { message: "must be a name of letters, digits and _" }).optional(),
  description: z.string().max(255).optional(),
  masked: z.boolean().default(DEFAULTS.variable.masked),
  /** Needs masked; unset, it follows masked. */
  hidden: z.boolean().optional(),
  protected: z.boolean().default(DEFAULTS.variable.protected),
  variableType: z.enum(["env_var", "file"]).default(DEFAULTS.variable.variableType),
  environmentScope: z.string().min(1).default(DEFAULTS.variable.environmentScope),
  raw: z.boolean().default(DEFAULTS.variable.raw),
});

/** Where the registry credential is also published as REGISTRY_* variables. */
export const registryVariablesSchema = z.strictObject({
  ...ownerFields,
  environmentScope: z.string().min(1).default(DEFAULTS.variable.environmentScope),
});

const resourceMap = z.record(z.string(), quantity);

const environmentSchema = z.strictObject({
  name: dnsLabel,
  /** GitLab environment scope of the KUBECONFIG variable; the environment's name by default. */
  environmentScope: z.string().min(1).optional(),
  /** The application's namespace in this environment; `<application>-<name>` by default. */
  namespace: namespaceName.optional(),
  /** ResourceQuota `spec.hard`, e.g. `{requests.cpu: "4", limits.memory: 8Gi, pods: "20"}`. */
  quota: z.record(z.string(), z.union([quantity, z.string().regex(/^\d+$/)])).optional(),
  /** LimitRange defaults for containers that set none. */
  containerDefaults: z
    .strictObject({ requests: resourceMap.optional(), limits: resourceMap.optional() })
    .optional(),
  /** Change it to replace the deployer's token Secret and so rotate the token. */
  tokenRotation: z.string().max(200).optional(),
});

export const applicationSchema = z.strictObject({
  name: dnsLabel,
  /** GitLab project (path with namespace) whose pipelines deploy the application. */
  project: projectPath,
  /** Kinds the application deploys; the deployer's Role grants exactly these. */
  deploys: z
    .array(z.enum(DEPLOYABLE_KIND_NAMES))
    .min(1)
    .default(() => [...DEFAULTS.application.deploys]),
  /** Also grant delete (kubectl apply --prune, helm uninstall). */
  prune: z.boolean().default(DEFAULTS.application.prune),
  /** Pod Security level of the application's namespaces. */
  podSecurity: z.enum(["restricted", "baseline"]).default(DEFAULTS.application.podSecurity),
  /** How deploy jobs reach the cluster: a KUBECONFIG variable per environment, or the GitLab agent. */
  access: z.enum(DEPLOY_ACCESS_MODES).default(DEFAULTS.application.access),
  environments: z.array(environmentSchema).min(1, { message: "needs at least one environment" }),
});

/** The API server deploy jobs reach, for kubeconfigs; the cluster component provides it for created clusters. */
export const apiServerSchema = z.strictObject({
  server: z.url({ protocol: /^https$/, message: "must be the https:// URL of the API server" }),
  caCert: z.string().includes("-----BEGIN CERTIFICATE-----", { message: "must be a PEM certificate" }),
});

export type VariableConfig = z.infer<typeof variableSchema>;
export type ApplicationConfig = z.infer<typeof applicationSchema>;
export type RegistryVariablesConfig = z.infer<typeof registryVariablesSchema>;
