import * as TOML from "@iarna/toml";
import { ResourceView } from "../../policy/view";
import { view } from "./fixtures";

/**
 * The insecure setups of the field reports (../shared/seeds 000–004), as the resources they amount to. Kept
 * here, quoted from the reports, so the tests run where the seeds are absent.
 */

/** Seed 004's config.toml example: docker-in-docker via privileged = true, token pasted in. */
export const SEED_004_PRIVILEGED_TOML = `
[[runners]]
  name = "kubernetes"
  url = "https://gitlab.example.com/"
  executor = "kubernetes"
  token = "yrnZW46BrtBFqM7xDzE7dddd"
  [runners.kubernetes]
    image = "alpine:3.11"
    privileged = true
    namespace = "default"
`;

/** Seed 000's KubeSphere runner: the node's docker.sock mounted into every job, if-not-present, untagged image. */
export const SEED_000_DOCKER_SOCK_TOML = `
[[runners]]
  name = "kubesphere"
  url = "http://gitlab.example.com/"
  token = "Qvdu1hpsUpYNa3dzrjqP"
  executor = "kubernetes"
  builds_dir = "/builds"
  [runners.kubernetes]
    namespace = "base"
    image = "alpine"
    pull_policy = "if-not-present"
    [[runners.kubernetes.volumes.host_path]]
      name = "docker"
      mount_path = "/var/run/docker.sock"
      host_path = "/var/run/docker.sock"
`;

/** Seed 002's helper image and manager image, both on latest. */
export const SEED_002_LATEST_TOML = `
[[runners]]
  name = "k8s"
  url = "https://gitlab.example.com/"
  token = "\${RUNNER_TOKEN}"
  executor = "kubernetes"
  [runners.kubernetes]
    namespace = "gitlab"
    image = "gitlab/gitlab-runner:latest"
    helper_image = "gitlab/gitlab-runner-helper:x86_64-latest"
`;

export function configMapOf(name: string, toml: string): ResourceView {
  TOML.parse(toml);
  return view("kubernetes:core/v1:ConfigMap", name, {
    metadata: { name, namespace: "gitlab" },
    data: { "config.toml": toml },
  });
}

/** Seed 000: the registration token written to a file from a ConfigMap-style key. */
export function seed000RegistrationTokenConfigMap(): ResourceView {
  return view("kubernetes:core/v1:ConfigMap", "runner-secrets", {
    metadata: { name: "runner-secrets", namespace: "kubesphere-devops-system" },
    data: { "runner-registration-token": "GR1348941EfP6qKATzEULxDtvkvAg" },
  });
}

/** The official chart with rbac.clusterWideAccess: true and its default rules (seeds 001, 003, 004). */
export function chartClusterWideRbac(): ResourceView[] {
  return [
    view("kubernetes:rbac.authorization.k8s.io/v1:ClusterRole", "gitlab-runner", {
      metadata: { name: "gitlab-runner" },
      rules: [{ apiGroups: [""], resources: ["*"], verbs: ["*"] }],
    }),
    view("kubernetes:rbac.authorization.k8s.io/v1:ClusterRoleBinding", "gitlab-runner-binding", {
      metadata: { name: "gitlab-runner" },
      roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: "gitlab-runner" },
      subjects: [{ kind: "ServiceAccount", name: "gitlab-runner", namespace: "gitlab" }],
    }),
  ];
}

/** Seed 002's manager Deployment on gitlab/gitlab-runner:latest. */
export function seed002ManagerDeployment(): ResourceView {
  return view("kubernetes:apps/v1:Deployment", "gitlab-runner", {
    metadata: { name: "gitlab-runner", namespace: "gitlab" },
    spec: {
      replicas: 1,
      template: {
        metadata: { labels: { app: "gitlab-runner" } },
        spec: {
          containers: [
            { name: "gitlab-runner", image: "gitlab/gitlab-runner:latest", imagePullPolicy: "Always" },
          ],
        },
      },
    },
  });
}

/** An administrator's kubeconfig (client certificate), base64-encoded as seed 000 kept it in `kube_config`. */
export function seed000AdminKubeconfigVariable(): ResourceView {
  const kubeconfig = [
    "apiVersion: v1",
    "kind: Config",
    "clusters:",
    "- cluster: {server: 'https://lb.kubesphere.local:6443'}",
    "  name: cluster.local",
    "users:",
    "- name: kubernetes-admin",
    "  user:",
    "    client-certificate-data: LS0tLS1CRUdJTi...",
    "    client-key-data: LS0tLS1CRUdJTiBSU0EgUFJJVkFURSBLRVkt...",
  ].join("\n");
  return view("gitlab:index/groupVariable:GroupVariable", "kube-config", {
    group: "devops",
    key: "kube_config",
    value: Buffer.from(kubeconfig).toString("base64"),
    variableType: "env_var",
    protected: false,
    masked: false,
    environmentScope: "*",
  });
}
