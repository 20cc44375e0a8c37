import { Variant, fleet, key, projectDeployRunner, resource, toml } from "./variant";

const K8S = "kubernetes:core/v1:";

/** Variants of Pulumi.dev.yaml's fleets: caches, builds dirs, namespaces, scopes, credentials, managers. */
export const DEV_FLEET_VARIANTS: Variant[] = [
  {
    name: "dev-cache-rwo",
    from: "dev",
    what: "a ReadWriteOnce cache claim of the cluster's default class",
    change: (c) => (fleet(c, "k8s").cache = { type: "pvc", size: "10Gi", accessMode: "ReadWriteOnce" }),
    shows: resource(`${K8S}PersistentVolumeClaim`, /ReadWriteOnce/),
  },
  {
    name: "dev-cache-none",
    from: "dev",
    what: "no cache at all",
    change: (c) => (fleet(c, "k8s").cache = { type: "none" }),
    shows: (r) => !resource(`${K8S}PersistentVolumeClaim`)(r),
  },
  {
    name: "dev-cache-s3",
    from: "dev",
    what: "a distributed S3 cache (MinIO), keys in the manager's environment",
    change: (c) =>
      (fleet(c, "k8s").cache = {
        type: "s3",
        serverAddress: "minio.dev.example.internal:9000",
        bucketName: "ci-cache",
      }),
    shows: toml(/\[runners\.cache\.s3\]/),
  },
  {
    name: "dev-cache-gcs",
    from: "dev",
    what: "a GCS cache, its key a Secret only the manager mounts",
    change: (c) => (fleet(c, "k8s").cache = { type: "gcs", bucketName: "ci-cache-dev" }),
    shows: toml(/\[runners\.cache\.gcs\]/),
  },
  {
    name: "dev-cache-azure",
    from: "dev",
    what: "an Azure cache through workload identity, on a group runner",
    change: (c) =>
      (fleet(c, "k8s").cache = {
        type: "azure",
        accountName: "cicachedev",
        containerName: "runner-cache",
        clientId: "00000000-0000-4000-8000-000000000001",
      }),
    shows: toml(/"azure\.workload\.identity\/use" = "true"/),
  },
  {
    name: "dev-builds-ephemeral",
    from: "dev",
    what: "a generic ephemeral volume per job pod for the builds dir (a pod_spec patch)",
    change: (c) =>
      (fleet(c, "k8s").builds = { type: "ephemeralPvc", size: "20Gi", storageClass: "local-path" }),
    shows: toml(/\[\[runners\.kubernetes\.pod_spec\]\]/),
  },
  {
    name: "dev-builds-memory",
    from: "dev",
    what: "builds in memory with a size limit",
    change: (c) => (fleet(c, "k8s").builds = { type: "emptyDir", medium: "Memory", sizeLimit: "2Gi" }),
    shows: toml(/medium = "Memory"/),
  },
  {
    name: "dev-builds-per-job-claims",
    from: "dev",
    what: "a builds claim per concurrent job on the protected kaniko fleet",
    change: (c) => (fleet(c, "kaniko").builds = { type: "pvcPerJob", size: "20Gi" }),
    shows: resource(`${K8S}PersistentVolumeClaim`, /kaniko-builds-0/),
  },
  {
    name: "dev-own-namespaces",
    from: "dev",
    what: "job namespaces named by the team",
    change: (c) => {
      fleet(c, "k8s").kubernetes.namespace = "ci-general";
      fleet(c, "kaniko").kubernetes.namespace = "ci-images";
      fleet(c, "deploy").kubernetes.namespace = "ci-release";
    },
    shows: resource(`${K8S}Namespace`, /ci-release/),
  },
  {
    name: "dev-manager-namespace",
    from: "dev",
    what: "managers in a namespace of their own name",
    change: (c) => (key<Record<string, unknown>>(c, "cluster", {}).managerNamespace = "ci-runners"),
    shows: resource("kubernetes:apps/v1:StatefulSet", /"namespace":"ci-runners"/),
  },
  {
    name: "dev-job-token-without-rights",
    from: "dev",
    what: "job pods with an API token of a service account that has no rights",
    change: (c) => (fleet(c, "k8s").jobServiceAccountToken = true),
    shows: toml(/automount_service_account_token = true/),
  },
  projectDeployRunner("dev"),
  {
    name: "dev-instance-general",
    from: "dev",
    what: "the general fleet for the whole instance: distributed cache, pull always",
    change: (c) => {
      const k8s = fleet(c, "k8s");
      Object.assign(k8s, {
        scope: { type: "instance" },
        cache: { type: "s3", serverAddress: "minio.dev.example.internal:9000", bucketName: "ci-cache" },
      });
      Object.assign(k8s.kubernetes, { pullPolicy: ["always"], allowedPullPolicies: ["always"] });
    },
    shows: resource("gitlab:index/userRunner:UserRunner", /instance_type/),
  },
  {
    name: "dev-all-protected",
    from: "dev",
    what: "every fleet for protected branches and tags only",
    change: (c) => Object.assign(fleet(c, "k8s"), { protected: true, runUntagged: false }),
    shows: (r) => !resource("gitlab:index/userRunner:UserRunner", /not_protected/)(r),
  },
  {
    name: "dev-kaniko-git-ssh",
    from: "dev",
    what: "a Git SSH key for the protected kaniko fleet",
    change: (c) => {
      key<Record<string, unknown>>(c, "gitSsh", {}).knownHosts =
        "gitlab.dev.example.internal ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIDevKey";
      fleet(c, "kaniko").gitSsh = true;
    },
    shows: toml(/mount_path = "\/etc\/gitlab-ci\/git-ssh"/),
  },
  {
    name: "dev-more-replicas",
    from: "dev",
    what: "three manager replicas",
    change: (c) => Object.assign(fleet(c, "k8s"), { replicas: 3, concurrent: 4 }),
    shows: resource("kubernetes:apps/v1:StatefulSet", /"replicas":3/),
  },
  {
    name: "dev-manager-scheduling",
    from: "dev",
    what: "managers on tainted CI nodes with a priority class",
    change: (c) =>
      (fleet(c, "k8s").manager = {
        nodeSelector: { "ci.example.com/pool": "runners" },
        tolerations: [
          { key: "ci.example.com/pool", operator: "Equal", value: "runners", effect: "NoSchedule" },
        ],
        priorityClassName: "ci-runners",
      }),
    shows: resource("kubernetes:apps/v1:StatefulSet", /ci-runners/),
  },
];
