import { parseConfigToml } from "../../model/config-toml";
import { readAgentAccessAnnotation } from "../../model/deploy";
import { CACHE_BACKENDS, type CacheSummary, type CacheType } from "../../model/fleet";
import { ANNOTATIONS, COMPONENTS, LABELS } from "../../model/labels";
import { POD_SECURITY_ENFORCE_LABEL } from "../../model/pod-security";
import { agentNotes, agentRows } from "./agent-files";
import { RecordedResource } from "./engine";

import { K8sObject } from "./k8s-files";
import type { MissingSecret } from "./stack-config";
import { alertsSection } from "./alerts-summary";

export interface SummaryInput {
  stack: string;
  resources: RecordedResource[];
  objects: K8sObject[];
  /** runner/<fleet>.config.toml → content. */
  runnerConfigs: Map<string, string>;
  /** Each fleet's cache type, by fleet name: which backend reads its cache back. */
  cacheTypes: ReadonlyMap<string, CacheType>;
  warnings: string[];
  /** Secrets the stack file does not hold yet: synth stood in for them; `pulumi up` needs them set. */
  missingSecrets: MissingSecret[];
  /** The files synth writes besides the objects (the monitoring rule file and dashboard among them). */
  files?: Map<string, string>;
}

type Row = (string | number | boolean | undefined)[];

function table(headers: string[], rows: Row[]): string {
  if (rows.length === 0) return "_none_\n";
  const cell = (v: Row[number]) => (v === undefined || v === "" ? "—" : String(v).replace(/\|/g, "\\|"));
  return (
    [
      `| ${headers.join(" | ")} |`,
      `|${headers.map(() => "---").join("|")}|`,
      ...rows.map((r) => `| ${r.map(cell).join(" | ")} |`),
    ].join("\n") + "\n"
  );
}

function resourcesByType(resources: RecordedResource[]): Row[] {
  const counts = new Map<string, number>();
  for (const r of resources) counts.set(r.type, (counts.get(r.type) ?? 0) + 1);
  return [...counts.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([type, n]) => [`\`${type}\``, n]);
}

function namespaces(objects: K8sObject[]): Row[] {
  return objects
    .filter((o) => o.kind === "Namespace")
    .map((o) => [
      o.metadata.name,
      o.metadata.labels?.[POD_SECURITY_ENFORCE_LABEL],
      (o.metadata.annotations as Record<string, string> | undefined)?.[ANNOTATIONS.podSecurityReason],
    ]);
}

function runners(resources: RecordedResource[]): Row[] {
  const components = new Map(resources.filter((r) => !r.custom).map((r) => [r.urn, r]));
  return resources
    .filter((r) => r.type === "gitlab:index/userRunner:UserRunner")
    .map((r) => {
      const i = r.inputs as Record<string, unknown>;
      const fleet = r.parent === undefined ? undefined : components.get(r.parent);
      return [
        fleetOf(r),
        String(fleet?.outputs.scope ?? i.runnerType),
        ((i.tagLists as string[] | undefined) ?? []).join(", "),
        i.untagged as boolean,
        String(i.accessLevel),
        i.maximumTimeout as number,
        "not exposed by the provider (rotate with tokenRotation)",
      ];
    });
}

/** The fleet a runner belongs to: the name of its parent RunnerFleet component. */
function fleetOf(r: RecordedResource): string {
  return r.parent?.split("::").pop() ?? r.name;
}

/** Each fleet's cache, read back from its rendered config.toml and claims by the fleet's cache backend. */
function caches(input: SummaryInput): Row[] {
  const cacheClaims = new Map(
    input.objects
      .filter(
        (o) =>
          o.kind === "PersistentVolumeClaim" &&
          o.metadata.labels?.[LABELS.component] === COMPONENTS.cacheClaim,
      )
      .map((o) => [o.metadata.name, o.spec as { resources?: { requests?: { storage?: string } } }]),
  );
  return [...input.runnerConfigs].map(([file, text]) => {
    const fleet = file.replace(/^runner\//, "").replace(/\.config\.toml$/, "");
    const type = input.cacheTypes.get(fleet);
    if (type === undefined) throw new Error(`${file}: no fleet ${fleet} in the stack's configuration`);
    const runner = parseConfigToml(text).config?.runners?.[0];
    const claim = runner?.kubernetes?.volumes?.pvc?.find((v) => cacheClaims.has(v.name))?.name;
    const summary: CacheSummary = CACHE_BACKENDS[type].summary({
      section: runner?.cache,
      claim:
        claim === undefined
          ? undefined
          : { name: claim, size: cacheClaims.get(claim)?.resources?.requests?.storage },
    });
    return [fleet, summary.store, summary.where, summary.scope];
  });
}

/** Every CI/CD variable, its flags and scope; never its value. */
function variables(resources: RecordedResource[]): Row[] {
  return resources
    .filter((r) => /^gitlab:index\/(project|group|instance)Variable:/.test(r.type))
    .map((r) => {
      const i = r.inputs as Record<string, unknown>;
      const owner =
        i.project !== undefined
          ? `project ${String(i.project)}`
          : i.group !== undefined
            ? `group ${String(i.group)}`
            : "instance";
      return [
        owner,
        String(i.key),
        String(i.variableType ?? "env_var"),
        i.masked as boolean,
        i.hidden as boolean | undefined,
        i.protected as boolean,
        String(i.environmentScope ?? "*"),
      ];
    })
    .sort((a, b) => [0, 1, 6].reduce((c, k) => c || String(a[k]).localeCompare(String(b[k])), 0));
}

/** Each application environment: its namespace, the deployer's Role and the variable its kubeconfig is in. */
function deployTargets(resources: RecordedResource[], objects: K8sObject[]): Row[] {
  const targets = resources.filter((r) => r.type === DEPLOY_TARGET_TYPE);
  return targets.map((target) => {
    const children = resources.filter((r) => r.parent === target.urn);
    const ns = children.find((r) => r.type === "kubernetes:core/v1:Namespace");
    const namespace = String((ns?.inputs as { metadata?: { name?: string } } | undefined)?.metadata?.name);
    const role = objects.find(
      (o) =>
        o.kind === "Role" &&
        o.metadata.namespace === namespace &&
        o.metadata.labels?.[LABELS.component] === COMPONENTS.deploy,
    );
    const rules = (role?.rules ?? []) as Array<{ resources: string[]; verbs: string[] }>;
    const granted = (verb: string) =>
      rules
        .filter((rule) => rule.verbs.includes(verb))
        .flatMap((rule) => rule.resources)
        .sort();
    const deletes = granted("delete");
    const variable = children.find((r) => /Variable:/.test(r.type))?.inputs as
      Record<string, unknown> | undefined;
    const annotations = ns?.inputs as { metadata?: { annotations?: Record<string, string> } } | undefined;
    const [application, ...environment] = (
      annotations?.metadata?.annotations?.[ANNOTATIONS.deployTarget] ?? ""
    ).split("/");
    return [
      application,
      environment.join("/"),
      namespace,
      `${role?.metadata.name ?? "—"}: apply ${granted("patch").join(", ")}` +
        (deletes.length ? `; delete (prune) ${deletes.join(", ")}` : ""),
      variable
        ? `${String(variable.project)} ${String(variable.key)} (${String(variable.variableType)}, scope ${String(variable.environmentScope)})`
        : agentAccessOf(annotations?.metadata?.annotations),
    ];
  });
}

const DEPLOY_TARGET_TYPE = "gitlab-ci-platform:deploy:DeployTarget";

/** How the jobs of an agent target reach it, from its namespace's annotation. */
function agentAccessOf(annotations: Record<string, string> | undefined): string | undefined {
  const annotation = annotations?.[ANNOTATIONS.agentAccess];
  if (annotation === undefined) return undefined;
  const { project, gitlabEnvironment } = readAgentAccessAnnotation(annotation);
  return `GitLab agent: jobs of ${project} in ${gitlabEnvironment}`;
}

/** Each CI/CD component file committed to a GitLab project, never its content. */
function repositoryFiles(resources: RecordedResource[]): Row[] {
  const components = new Set(
    resources.filter((r) => r.type === "gitlab-ci-platform:pipelines:PipelineComponents").map((r) => r.urn),
  );
  return resources
    .filter(
      (r) =>
        r.type === "gitlab:index/repositoryFile:RepositoryFile" &&
        r.parent !== undefined &&
        components.has(r.parent),
    )
    .map((r) => {
      const i = r.inputs as Record<string, unknown>;
      return [`\`${String(i.filePath)}\``, String(i.project), String(i.branch)];
    })
    .sort((a, b) => [1, 2, 0].reduce((c, k) => c || compare(String(a[k]), String(b[k])), 0));
}

/** Code-point order: the same on every machine. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function missingSecretsSection(missing: MissingSecret[]): string {
  return [
    "## Secrets to set before `pulumi up`\n",
    "The stack file does not hold these; synth rendered placeholders in their place.\n",
    table(
      ["secret", "why", "set it with"],
      missing.map((m) => [`\`${m.path}\``, m.because, `\`${m.command}\``]),
    ),
  ].join("\n");
}

/** summary.md: what the stack would create, in tables a reviewer can read in a merge request. */
export function renderSummary(input: SummaryInput): string {
  return [
    `# Stack \`${input.stack}\` (offline synth)\n`,
    input.warnings.length ? `## Warnings\n\n${input.warnings.map((w) => `- ⚠ ${w}`).join("\n")}\n` : "",
    input.missingSecrets.length ? missingSecretsSection(input.missingSecrets) : "",
    `## Resources by type (${input.resources.length} in all)\n`,
    table(["type", "count"], resourcesByType(input.resources)),
    `## Namespaces\n`,
    table(["namespace", "Pod Security (enforced)", "why not restricted"], namespaces(input.objects)),
    `## Runners\n`,
    table(
      ["fleet", "scope", "tags", "untagged", "access level", "max timeout (s)", "token expiry"],
      runners(input.resources),
    ),
    input.runnerConfigs.size
      ? `Rendered configs: ${[...input.runnerConfigs.keys()].map((f) => `\`${f}\``).join(", ")}\n`
      : "",
    `## Caches\n`,
    table(["fleet", "cache", "where", "scope"], caches(input)),
    `## CI/CD variables\n`,
    table(
      ["owner", "key", "type", "masked", "hidden", "protected", "environment scope"],
      variables(input.resources),
    ),
    `## Deploy targets\n`,
    table(
      ["application", "environment", "namespace", "role", "access"],
      deployTargets(input.resources, input.objects),
    ),
    `## Agent\n`,
    table(
      ["agent", "config project", "project", "environment", "namespace", "impersonated group bound there"],
      agentRows(input.resources, input.objects),
    ),
    agentNotes(input.resources).join("\n") + (agentNotes(input.resources).length ? "\n" : ""),
    `## Pipeline components\n`,
    table(["file", "project", "branch"], repositoryFiles(input.resources)),
    input.files ? alertsSection(input.files, table) : "",
  ]
    .filter(Boolean)
    .join("\n");
}
