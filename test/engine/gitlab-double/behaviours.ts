import { createHash, randomBytes } from "node:crypto";
import * as path from "node:path";

type Values = Record<string, unknown>;

/** How GitLab answers for one resource type, beyond echoing its inputs. */
export interface Behaviour {
  /** What GitLab reads back for inputs left unset. */
  defaults: Values;
  /** The resource ID in the provider's format; `allocate` hands out GitLab's next numeric ID. */
  id(inputs: Values, allocate: () => number): string;
  /** Outputs GitLab computes on create (and, with `previous`, keeps or recomputes on update). */
  computed(inputs: Values, id: string, previous?: Values): Values;
  /** Whether the ID is made of the inputs (a second object with the same ID is refused, as GitLab does). */
  naturalId: boolean;
}

const CREATED_AT = "2026-01-01T00:00:00Z";

const variableDefaults = {
  description: "",
  environmentScope: "*",
  hidden: false,
  masked: false,
  protected: false,
  raw: false,
  variableType: "env_var",
};

/** A runner authentication token as GitLab 16+ issues them. */
function runnerToken(): string {
  return `glrt-${randomBytes(15).toString("base64url")}`;
}

function gitSha1(kind: string, content: Buffer): string {
  return createHash("sha1").update(`${kind} ${content.length}\0`).update(content).digest("hex");
}

function repositoryFile(inputs: Values): Values {
  const content = Buffer.from(String(inputs.content), inputs.encoding === "base64" ? "base64" : "utf8");
  const commit = gitSha1(
    "commit",
    Buffer.from(`${String(inputs.branch)} ${String(inputs.filePath)} ${content.toString("hex")}`),
  );
  return {
    blobId: gitSha1("blob", content),
    commitId: commit,
    lastCommitId: commit,
    contentSha256: createHash("sha256").update(content).digest("hex"),
    fileName: path.posix.basename(String(inputs.filePath)),
    ref: inputs.branch,
    size: content.length,
  };
}

/** An agent token as GitLab issues them. */
function agentToken(): string {
  return `glagent-${randomBytes(32).toString("base64url")}`;
}

export const BEHAVIOURS: Record<string, Behaviour> = {
  "gitlab:index/userRunner:UserRunner": {
    defaults: {
      accessLevel: "not_protected",
      description: "",
      locked: false,
      maintenanceNote: "",
      maximumTimeout: 0,
      paused: false,
      tagLists: [],
      untagged: false,
    },
    id: (_, allocate) => String(allocate()),
    // The token is issued once, at creation; an update keeps it.
    computed: (_, __, previous) => ({ token: previous?.token ?? runnerToken() }),
    naturalId: false,
  },
  "gitlab:index/projectVariable:ProjectVariable": {
    defaults: variableDefaults,
    id: (i) => `${String(i.project)}:${String(i.key)}:${String(i.environmentScope)}`,
    computed: () => ({}),
    naturalId: true,
  },
  "gitlab:index/groupVariable:GroupVariable": {
    defaults: variableDefaults,
    id: (i) => `${String(i.group)}:${String(i.key)}:${String(i.environmentScope)}`,
    computed: () => ({}),
    naturalId: true,
  },
  "gitlab:index/instanceVariable:InstanceVariable": {
    defaults: { description: "", masked: false, protected: false, raw: false, variableType: "env_var" },
    id: (i) => String(i.key),
    computed: () => ({}),
    naturalId: true,
  },
  "gitlab:index/projectRunnerEnablement:ProjectRunnerEnablement": {
    defaults: {},
    id: (i) => `${String(i.project)}:${String(i.runnerId)}`,
    computed: () => ({}),
    naturalId: true,
  },
  // The registration: GitLab hands out the agent's numeric id; the resource's id is <project>:<agent id>.
  "gitlab:index/clusterAgent:ClusterAgent": {
    defaults: {},
    id: (i, allocate) => `${String(i.project)}:${allocate()}`,
    computed: (_, id, previous) => ({
      agentId: Number(id.split(":").pop()),
      createdAt: previous?.createdAt ?? CREATED_AT,
      createdByUserId: 1,
    }),
    naturalId: false,
  },
  // A token is issued once, at creation, and is active until revoked; its id is <project>:<agent id>:<token id>.
  "gitlab:index/clusterAgentToken:ClusterAgentToken": {
    defaults: { description: "" },
    id: (i, allocate) => `${String(i.project)}:${String(i.agentId)}:${allocate()}`,
    computed: (_, id, previous) => ({
      token: previous?.token ?? agentToken(),
      tokenId: Number(id.split(":").pop()),
      status: "active",
      createdAt: previous?.createdAt ?? CREATED_AT,
      createdByUserId: 1,
      lastUsedAt: "",
    }),
    naturalId: false,
  },
  "gitlab:index/repositoryFile:RepositoryFile": {
    defaults: { executeFilemode: false, overwriteOnCreate: false },
    id: (i) => `${String(i.project)}:${String(i.branch)}:${String(i.filePath)}`,
    computed: (inputs) => repositoryFile(inputs),
    naturalId: true,
  },
};

/** Types the program does not use: a numeric ID and the schema's zero values for what GitLab would compute. */
export const GENERIC: Behaviour = {
  defaults: {},
  id: (_, allocate) => String(allocate()),
  computed: (_, __, previous) => ({ createdAt: previous?.createdAt ?? CREATED_AT }),
  naturalId: false,
};
