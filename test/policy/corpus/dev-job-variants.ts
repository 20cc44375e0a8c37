import { Variant, fleet, fleets, key, resource, toml } from "./variant";

const K8S = "kubernetes:core/v1:";
const HARBOR = "harbor.dev.example.internal/**/*";

/** Variants of Pulumi.dev.yaml's job pods and applications: volumes, patches, placement, overwrites. */
export const DEV_JOB_VARIANTS: Variant[] = [
  {
    name: "dev-read-only-dataset",
    from: "dev",
    what: "a shared NFS dataset every fleet mounts read-only",
    change: (c) => {
      for (const f of fleets(c)) {
        f.kubernetes ??= {};
        f.kubernetes.volumes = {
          nfs: [
            {
              name: "datasets",
              mountPath: "/datasets",
              server: "nas.dev.example.internal",
              path: "/datasets",
              readOnly: true,
            },
          ],
        };
      }
    },
    shows: toml(/server = "nas\.dev\.example\.internal"/),
  },
  {
    name: "dev-read-only-claim",
    from: "dev",
    what: "a Maven mirror claim mounted read-only",
    change: (c) =>
      (fleet(c, "k8s").kubernetes.volumes = {
        pvc: [{ name: "maven-mirror", mountPath: "/mirror", readOnly: true }],
      }),
    shows: toml(/name = "maven-mirror"/),
  },
  {
    name: "dev-config-map-volume",
    from: "dev",
    what: "Maven settings from a ConfigMap",
    change: (c) =>
      (fleet(c, "k8s").kubernetes.volumes = {
        configMap: [{ name: "maven-settings", mountPath: "/etc/maven", readOnly: true }],
      }),
    shows: toml(/\[\[runners\.kubernetes\.volumes\.config_map\]\]/),
  },
  {
    name: "dev-pod-spec-dns",
    from: "dev",
    what: "a pod_spec patch for DNS options",
    change: (c) =>
      (fleet(c, "k8s").kubernetes.podSpec = [
        {
          name: "dns",
          patch: 'dnsConfig:\n  options:\n    - name: ndots\n      value: "2"\n',
          patchType: "strategic",
        },
      ]),
    shows: toml(/name = "dns"/),
  },
  {
    name: "dev-job-placement",
    from: "dev",
    what: "job pods on amd64 nodes of a tainted pool",
    change: (c) =>
      Object.assign(fleet(c, "k8s").kubernetes, {
        nodeSelector: { "kubernetes.io/arch": "amd64" },
        nodeTolerations: { "ci.example.com/pool=jobs": "NoSchedule" },
      }),
    shows: toml(/\[runners\.kubernetes\.node_tolerations\]/),
  },
  {
    name: "dev-anchored-overwrites",
    from: "dev",
    what: "jobs may pick their architecture, a team label and CI annotations",
    change: (c) =>
      Object.assign(fleet(c, "k8s").kubernetes, {
        nodeSelectorOverwriteAllowed: "^kubernetes\\.io/arch=(amd64|arm64)$",
        podLabelsOverwriteAllowed: "^team=[a-z-]+$",
        podAnnotationsOverwriteAllowed: "^ci\\.example\\.com/[a-z-]+=.*$",
      }),
    shows: toml(/pod_labels_overwrite_allowed/),
  },
  {
    name: "dev-overwrite-maxima",
    from: "dev",
    what: "jobs may raise their limits up to a bound",
    change: (c) =>
      Object.assign(fleet(c, "k8s").kubernetes, {
        cpuLimitOverwriteMaxAllowed: "3",
        memoryLimitOverwriteMaxAllowed: "4Gi",
      }),
    shows: toml(/memory_limit_overwrite_max_allowed = "4Gi"/),
  },
  {
    name: "dev-second-application",
    from: "dev",
    what: "a second application that prunes and runs jobs and claims",
    change: (c) =>
      key<unknown[]>(c, "applications", []).push({
        name: "billing",
        project: "platform/billing",
        deploys: ["Deployment", "Service", "ConfigMap", "Job", "CronJob", "PersistentVolumeClaim"],
        prune: true,
        environments: [{ name: "dev" }],
      }),
    shows: resource(`${K8S}Namespace`, /billing-dev/),
  },
  {
    name: "dev-fleet-host-aliases",
    from: "dev",
    what: "an intranet name for one fleet's jobs",
    change: (c) =>
      (fleet(c, "k8s").kubernetes.hostAliases = [
        { ip: "192.168.31.40", hostnames: ["nexus.dev.example.internal"] },
      ]),
    shows: toml(/nexus\.dev\.example\.internal/),
  },
  {
    name: "dev-baseline-jobs",
    from: "dev",
    what: "general jobs whose images need root (baseline)",
    change: (c) => (fleet(c, "k8s").jobPodSecurity = "baseline"),
    shows: resource(`${K8S}Namespace`, /"pod-security\.kubernetes\.io\/enforce":"baseline".*"name":"ci-dev"/),
  },
  {
    name: "dev-shared-job-namespace",
    from: "dev",
    what: "the general and deploy fleets in one restricted namespace",
    change: (c) => (fleet(c, "deploy").kubernetes.namespace = "ci-dev"),
    shows: toml(/name = "deploy"[\s\S]*namespace = "ci-dev"\n/),
  },
  {
    name: "dev-feature-flags",
    from: "dev",
    what: "pod events in job logs and the exec strategy",
    change: (c) =>
      (fleet(c, "k8s").featureFlags = {
        FF_PRINT_POD_EVENTS: true,
        FF_USE_LEGACY_KUBERNETES_EXECUTION_STRATEGY: true,
      }),
    shows: resource("kubernetes:rbac.authorization.k8s.io/v1:Role", /"events"\],"verbs":\["list","watch"\]/),
  },
  {
    name: "dev-services-listed",
    from: "dev",
    what: "database services for tests, listed",
    change: (c) => (fleet(c, "k8s").kubernetes.allowedServices = [HARBOR, "postgres:16*", "redis:7*"]),
    shows: toml(/allowed_services = \[.*"postgres:16\*"/),
  },
  {
    name: "staging-from-dev",
    from: "dev",
    what: "the dev stack judged as prod, with helper limits on every fleet",
    change: (c) => {
      for (const f of fleets(c))
        Object.assign((f.kubernetes ??= {}), { helperCpuLimit: "500m", helperMemoryLimit: "256Mi" });
    },
    shows: toml(/helper_cpu_limit = "500m"/),
  },
];
