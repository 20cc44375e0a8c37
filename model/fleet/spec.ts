import type { GlobalSettings, KubernetesSettings } from "../config-toml";
import type { ManagerImageFlavor, ManagerPodOptions } from "./manager-options";

/** Who may use the runner in GitLab: the whole instance, a group, or one project (numeric id or full path). */
export type RunnerScope =
  | { type: "instance" }
  | { type: "group"; group?: string | number }
  | { type: "project"; project: string | number };

/** Where a fleet's jobs keep their cache. */
export type CacheSpec =
  | { type: "none" }
  /** A claim every job of the fleet mounts at its cache directory. */
  | { type: "pvc"; size: string; storageClass?: string; accessMode: "ReadWriteOnce" | "ReadWriteMany" }
  /** Any S3-compatible bucket; keys reach the manager through its environment, never config.toml. */
  | {
      type: "s3";
      /** host[:port], no scheme. */
      serverAddress: string;
      bucketName: string;
      bucketLocation?: string;
      /** Plain http. */
      insecure: boolean;
      pathStyle?: boolean;
      path?: string;
      /** One cache for every runner of the fleet instead of one per runner. */
      shared: boolean;
    }
  /** The stack's NAS (ACK Serverless): a static PV/PVC pair per fleet, ReadWriteMany, mounted at the cache dir. */
  | { type: "nas" }
  /** The stack's OSS bucket at its S3-compatible endpoint, with the key of the platform's RAM user for it. */
  | { type: "oss"; path?: string; shared: boolean }
  /** A Google Cloud Storage bucket; the service account key is a file the manager mounts from a Secret. */
  | { type: "gcs"; bucketName: string; path?: string; shared: boolean }
  /**
   * An Azure Blob Storage container reached with Azure Workload Identity: no key anywhere, the managed identity
   * `clientId` (which holds "Storage Blob Data Contributor" on the container) is what the pods act as.
   */
  | {
      type: "azure";
      accountName: string;
      containerName: string;
      storageDomain?: string;
      clientId: string;
      path?: string;
      shared: boolean;
    };

/** Where jobs clone and build. */
export type BuildsSpec =
  /** Scratch space per job pod, optionally in memory. */
  | { type: "emptyDir"; medium: "" | "Memory"; sizeLimit?: string }
  /** One claim per concurrent job (`$CI_CONCURRENT_ID`), so clones persist between jobs. */
  | { type: "pvcPerJob"; size: string; storageClass?: string }
  /** A generic ephemeral volume per job pod. */
  | { type: "ephemeralPvc"; size: string; storageClass: string };

/**
 * One runner fleet, in the platform's own terms: the runner in GitLab, its manager pods and the job pods they
 * start. Values are final (defaults applied); the stack file's `fleets[i]` is validated into this shape.
 */
export interface FleetSpec {
  /** DNS label; names the runner, its Kubernetes objects and its config. */
  name: string;
  /** Shown in GitLab. */
  description?: string;
  scope: RunnerScope;
  tags: string[];
  /** Also run untagged jobs; when absent, only a fleet without tags does. */
  runUntagged?: boolean;
  /** Only protected branches and tags (access level `ref_protected`). */
  protected: boolean;
  locked: boolean;
  paused: boolean;
  /** Longest job in seconds (GitLab's minimum is 600); also sizes the manager's grace period. */
  maximumTimeout: number;
  /** Changing it replaces the runner in GitLab and so rotates its token. */
  tokenRotation?: string;
  /** Jobs at once per manager replica. */
  concurrent: number;
  /** Manager replicas, each its own runner manager in GitLab. */
  replicas: number;
  /** Seconds between requests for jobs. */
  checkInterval: number;
  logLevel: NonNullable<GlobalSettings["logLevel"]>;
  logFormat: NonNullable<GlobalSettings["logFormat"]>;
  outputLimit?: number;
  /** Job requests to GitLab in flight at once (the runner's cap; its adaptive concurrency stays below). */
  requestConcurrency: number;
  /** `NAME=value` entries for every job. */
  environment?: string[];
  featureFlags?: Record<string, boolean>;
  preGetSourcesScript?: string;
  preBuildScript?: string;
  postBuildScript?: string;
  buildsDir?: string;
  cacheDir?: string;
  cloneUrl?: string;
  manager: ManagerPodOptions & {
    requests: { cpu?: string; memory?: string };
    limits: { cpu?: string; memory?: string };
    nodeSelector: Record<string, string>;
    imageFlavor: ManagerImageFlavor;
    /** `sha256:…`: the manager image by digest as well as tag. */
    imageDigest?: string;
    /** Where the runner serves its Prometheus metrics. */
    metricsPort: number;
  };
  /** The executor's `[runners.kubernetes]` settings; `namespace` is the job namespace. */
  kubernetes: KubernetesSettings;
  cache: CacheSpec;
  builds: BuildsSpec;
  /** Mount the registry credential for kaniko at /kaniko/.docker/config.json (jobs then need baseline). */
  kaniko: boolean;
  /** Mount the Git SSH key and known_hosts for jobs to copy. */
  gitSsh: boolean;
  /** What job pods are held to; kaniko and the dangerous modes raise it as they need. */
  jobPodSecurity: "restricted" | "baseline";
  /** Give job pods a Kubernetes API token. */
  jobServiceAccountToken: boolean;
  /** How job pods run on ECI (ACK Serverless virtual nodes); ignored on a cluster with nodes. */
  eci: {
    /** Preemptible (spot) instances at the market price, capped at the pay-as-you-go price. */
    spot: boolean;
  };
  dangerous: {
    /** Privileged job containers so `docker:dind` services work. */
    dockerInDocker: boolean;
    /** The node's /var/run/docker.sock in every job. */
    dockerSocket: boolean;
  };
}
