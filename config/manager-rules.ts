import { CACHE_BACKEND_CREDENTIALS } from "../model/fleet/cache";
import { ENV, MANAGER_PATHS, MANAGER_POD_ENV, MANAGER_VOLUMES } from "../model/fleet/constants";
import { credentialIn, isCredentialName } from "../model/credentials";
import { LABELS } from "../model/labels";
import type { Problem } from "../model/problems";
import { PROJECT, type PlainConfig } from "./schema";

const PLATFORM_LABELS = new Set<string>(Object.values(LABELS));
const PLATFORM_ANNOTATION_PREFIX = "gitlab-ci-platform/";
/** What a cache credential takes of the manager pod: its variables, or the volume and directory of its files. */
const CACHE_ENV = CACHE_BACKEND_CREDENTIALS.flatMap((c) => c.entries.flatMap((e) => (e.env ? [e.env] : [])));
const CACHE_FILES = CACHE_BACKEND_CREDENTIALS.flatMap((c) => (c.files ? [c.files] : []));
const PLATFORM_ENV = new Set<string>([
  ...Object.values(ENV),
  ...Object.values(MANAGER_POD_ENV),
  ...CACHE_ENV,
]);
const PLATFORM_VOLUMES = new Set<string>([
  ...Object.values(MANAGER_VOLUMES),
  ...CACHE_FILES.map((f) => f.volume),
]);
const PLATFORM_PATHS = [
  MANAGER_PATHS.configDir,
  MANAGER_PATHS.configMapDir,
  MANAGER_PATHS.home,
  MANAGER_PATHS.tmp,
  ...CACHE_FILES.map((f) => f.directory),
  MANAGER_PATHS.caFile.slice(0, MANAGER_PATHS.caFile.lastIndexOf("/")),
];

type Manager = PlainConfig["fleets"][number]["manager"];

const overlaps = (a: string, b: string) => a === b || a.startsWith(`${b}/`) || b.startsWith(`${a}/`);

/** What a fleet's manager options may not take from the platform: its labels, annotations, variables and volumes. */
export function managerOptionProblems(config: PlainConfig): Problem[] {
  return config.fleets.flatMap((fleet, i) =>
    managerProblems(fleet.manager).map(([key, reason, fix]) => ({
      path: `${PROJECT}:fleets[${i}].manager.${key}`,
      reason,
      fix,
    })),
  );
}

/** Why an environment value is a credential: its name names one, or its text holds one (a password in a URL). */
function literalCredential(name: string, value: string): string | undefined {
  if (value === "") return undefined;
  const kind = credentialIn(value);
  if (kind) return `holds ${kind}`;
  return isCredentialName(name) ? `sets ${name}, a credential by its name,` : undefined;
}

function managerProblems(m: Manager): [key: string, reason: string, fix: string][] {
  const problems: [string, string, string][] = [];
  for (const key of Object.keys(m.podLabels).filter((k) => PLATFORM_LABELS.has(k)))
    problems.push([`podLabels.${key}`, "is a label the platform selects the manager pods by", "remove it"]);
  for (const key of Object.keys(m.podAnnotations).filter((k) => k.startsWith(PLATFORM_ANNOTATION_PREFIX)))
    problems.push([
      `podAnnotations.${key}`,
      "is an annotation the platform sets",
      "remove it or use another prefix",
    ]);
  m.env.forEach((e, j) => {
    if (PLATFORM_ENV.has(e.name))
      problems.push([`env[${j}].name`, `${e.name} is set by the platform`, "remove it or use another name"]);
    const credential = "value" in e ? literalCredential(e.name, e.value) : undefined;
    if (credential)
      problems.push([
        `env[${j}].value`,
        `${credential} as a literal, which the stack file, the state and the pod spec would show`,
        `put it in a Kubernetes Secret and write secret: {name: <Secret>, key: <key>} instead of value`,
      ]);
  });
  const seen = new Set<string>();
  m.volumes.forEach((v, j) => {
    if (PLATFORM_VOLUMES.has(v.name) || seen.has(v.name))
      problems.push([
        `volumes[${j}].name`,
        `"${v.name}" is already a volume of the manager pod`,
        "give it another name",
      ]);
    seen.add(v.name);
    const clash = PLATFORM_PATHS.find((p) => overlaps(v.mountPath, p));
    if (clash)
      problems.push([
        `volumes[${j}].mountPath`,
        `overlaps ${clash}, where the platform mounts the manager's own files`,
        "mount it elsewhere, e.g. under /etc/<name>",
      ]);
  });
  return problems;
}
