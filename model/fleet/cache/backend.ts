import type { CacheSettings } from "../../config-toml";
import type { ClaimPlan } from "../claim";

/** What a cache row reads besides the fleet's cache settings: the fleet's names and the stack around it. */
export interface CacheContext {
  /** The fleet's name: the prefix of its objects' names, and its directory on a volume fleets share. */
  fleet: string;
  /** The name of the claim a fleet's cache volume has, whoever creates it. */
  cacheClaim: string;
  /** The stack's OSS bucket and where the runners reach it, when a fleet caches in OSS. */
  ossCache?: { serverAddress: string; bucketName: string; bucketLocation: string };
}

/** The claim job pods mount at the cache directory. */
export interface CacheVolume {
  claim: string;
  /** The fleet's own directory on a volume it shares with other fleets. */
  subPath?: string;
  /** The claim, when the fleet creates it (a NAS claim is the stack's, bound to its NAS volume). */
  created?: ClaimPlan;
}

/** One data key of a credential Secret, the stack value it holds, and the variable the manager reads it as. */
export interface CredentialEntry {
  key: string;
  /** The name of the value among those the stack hands its fleets (a stack secret, or a key the stack creates). */
  from: string;
  /** The manager's environment variable; absent when the manager reads the Secret as files. */
  env?: string;
}

/** A credential the manager reads: a Secret in the manager namespace, filled from the stack's values. */
export interface CacheCredential {
  /** Follows the fleet's name in the Secret's name and its resource name: `cache-s3` gives `<fleet>-cache-s3`. */
  suffix: string;
  entries: readonly CredentialEntry[];
  /** The manager mounts the Secret read-only at this directory, as a volume of this name. */
  files?: { volume: string; directory: string };
  /** The manager reads it only at start, so rotating it must roll the managers. */
  rollsManagers: boolean;
}

/** Stack secrets a cache reads: every stack with such a fleet must set them, for the reason given. */
export interface CacheStackSecrets {
  keys: readonly string[];
  /** Completes "is required …": `because a fleet caches in S3`. */
  because: string;
}

/** Workload identity: labels of the manager's and the jobs' pods, annotations of their ServiceAccounts. */
export interface PodIdentity {
  podLabels: Record<string, string>;
  serviceAccountAnnotations: Record<string, string>;
}

/** A fleet's cache as synth reads it back from what was rendered. */
export interface RenderedCache {
  /** The `[runners.cache]` section of its config.toml. */
  section?: CacheSettings;
  /** The claim job pods mount at the cache directory, with its requested size. */
  claim?: { name: string; size?: string };
}

/** A row of synth's cache table: the store, where it is, and whether the fleet's runners share it. */
export interface CacheSummary {
  store: string;
  where?: string;
  scope?: string;
}

/**
 * How the importers carry a config.toml `[runners.cache]` section into this cache: the section types it takes, its
 * sub-table, the fields carried under the same names, and why the others are not.
 */
export interface CacheImport {
  /** `Type` values of the section it takes; `undefined` is a section without Type (the runner's S3 default). */
  types: readonly (CacheSettings["type"] | undefined)[];
  table: "s3" | "gcs" | "azure";
  /** Carried as they are, under the same names. */
  fields: readonly string[];
  /** Nothing is carried unless one of these is set. */
  identifiedBy: readonly string[];
  /** Fields that hold a credential, and what to do instead. */
  credentials: { fields: readonly string[]; reason: string };
  /** Why any other field of the sub-table is not carried. */
  otherFields: string;
}

/**
 * One cache backend: everything a fleet's cache of this type consists of. The table in index.ts holds one row per
 * member of the cache union; a member without a row does not compile.
 */
export interface CacheBackend<S extends { type: string }> {
  /** The `[runners.cache]` section, for a cache the runner uploads to a bucket. */
  section?(spec: S, ctx: CacheContext): CacheSettings | undefined;
  /** The claim job pods mount at the cache directory, for a cache on a volume. */
  volume?(spec: S, ctx: CacheContext): CacheVolume;
  /** The credential the manager reads, when the store needs one. */
  credential?: CacheCredential;
  /** The stack secrets that credential is filled from. */
  stackSecrets?: CacheStackSecrets;
  /** The store the ACK Serverless side creates for it, when the cache lives in one. */
  stackStore?: "nas" | "oss";
  /** The workload identity manager and job pods act as, when the store grants access to one. */
  identity?(spec: S): PodIdentity;
  /** How the importers carry a config.toml section into it, when they can. */
  importer?: CacheImport;
  /** Its row in synth's summary, from what was rendered. */
  summary(rendered: RenderedCache): CacheSummary;
}
