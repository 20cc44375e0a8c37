import { ThreatPath } from "./types";

const path = (title: string, how: string, outOfScope?: string): ThreatPath => ({
  actor: "developer",
  title,
  how,
  ...(outOfScope ? { outOfScope } : {}),
});

/** What a developer of any project a fleet serves could get beyond its jobs' own pods. */
export const DEVELOPER_PATHS = {
  "DEV-1": path(
    "runs an image nobody vetted",
    "Without `allowed_images`, or with a pattern that admits every image, the runner starts whatever `image:` names.",
  ),
  "DEV-2": path(
    "runs any image as a service",
    "The runner checks `services:` against `allowed_services` only, and an empty list admits every image " +
      "(`common.VerifyAllowedImage`), so `allowed_images` alone does not bound what a job runs.",
  ),
  "DEV-3": path(
    "starts another project's private image from a node's cache",
    "A shared runner whose pull policy is `if-not-present` starts an image another project pulled onto the " +
      "node without the registry checking that this job may read it.",
  ),
  "DEV-4": path(
    "asks for if-not-present to reuse a cached private image",
    "A job may request any pull policy `allowed_pull_policies` lists, `if-not-present` included.",
    "Refusing `if-not-present` everywhere would make every job pull every image; whether the cluster forces " +
      "pulls anyway (the AlwaysPullImages admission plugin) is the cluster's configuration, not an object of a " +
      "stack. Instance runners should list `allowedPullPolicies: [always]`.",
  ),
  "DEV-5": path(
    "acts on the Kubernetes API with its pod's token",
    "Left unset, `automount_service_account_token` reaches the pod unchanged and Kubernetes mounts the " +
      "ServiceAccount's token unless the account itself says otherwise; a binding to that account, to " +
      "`system:serviceaccounts[:<namespace>]` or to `system:authenticated` then gives every job its rights.",
  ),
  "DEV-6": path(
    "switches to a ServiceAccount with more rights",
    "`service_account_overwrite_allowed` lets a job name its pod's ServiceAccount. The runner matches the " +
      "pattern anywhere in the value (`regexp.MatchString` in executors/kubernetes/overwrites.go), so " +
      "`build-jobs` also admits `deployer-build-jobs-x`.",
  ),
  "DEV-7": path(
    "runs its pod in another namespace",
    "`namespace_overwrite_allowed`, matched the same way, moves the pod to any namespace where the manager " +
      "may create pods, beside that namespace's ServiceAccounts and Secrets and under its Pod Security level.",
  ),
  "DEV-8": path(
    "brings its own API identity",
    "With `bearer_token_overwrite_allowed` the runner creates the job's pod with a token the job supplies.",
  ),
  "DEV-9": path(
    "lifts its confinement or takes a cloud identity through annotations",
    "`pod_annotations_overwrite_allowed` admitting `container.apparmor.security.beta.kubernetes.io/<container>: " +
      "unconfined` drops AppArmor; on ACK Serverless `k8s.aliyun.com/eci-ram-role-name` gives the pod a RAM " +
      "role and `k8s.aliyun.com/eci-security-group` another security group.",
  ),
  "DEV-10": path(
    "labels its pod into another identity or network",
    "`pod_labels_overwrite_allowed` admitting `azure.workload.identity/use` hands the pod its ServiceAccount's " +
      "Azure identity; admitting a label that a NetworkPolicy of the stack admits traffic from lets the pod " +
      "through that policy.",
  ),
  "DEV-11": path(
    "schedules onto nodes kept for others",
    "`node_tolerations_overwrite_allowed` admitting an empty value gives the pod a toleration of every taint " +
      "(the runner's `splitToleration`); admitting another fleet's toleration or node selector reaches the nodes " +
      "kept for that fleet, such as a privileged one's.",
  ),
  "DEV-12": path(
    "takes more than its share of a node",
    "Without limits, with overwrite maxima above the ceiling, or without a deadline for pods the runner lost, " +
      "one job starves the others.",
  ),
  "DEV-13": path(
    "takes over the node with privileges",
    "Privileged containers, privilege escalation, capabilities such as SYS_ADMIN, unconfined seccomp or " +
      "AppArmor profiles, or root in a restricted namespace.",
  ),
  "DEV-14": path(
    "reaches the node's file system",
    "A `host_path` volume, above all the node's docker.sock, is the node.",
  ),
  "DEV-15": path(
    "gets host namespaces, volumes or an identity through a pod_spec patch",
    "A `pod_spec` patch rewrites the job pod's spec after the runner built it: `hostNetwork`, `hostPath`, " +
      "privileged containers, another `serviceAccountName`, an API token, a volume cloned from another claim.",
  ),
  "DEV-16": path(
    "finds a job namespace that admits what config.toml forgot",
    "Without Pod Security enforcement nothing refuses the privileged or host-path pod that a patch, an " +
      "overwrite or a later change produces.",
  ),
  "DEV-17": path(
    "writes what another tenant or a protected job reads",
    "A volume that outlives the job (a claim, an NFS export, a CSI volume) or the cache's Azure identity, " +
      "writable by the jobs of an instance runner (every project on the instance), or shared with a fleet of " +
      "another owner or protection level, carries one job's files into another's.",
  ),
  "DEV-18": path(
    "poisons the cache or builds dir of its own fleet",
    "Every job of a fleet shares its cache volume and, with `pvcPerJob`, its builds claims.",
    "A fleet is one trust level: what runs on it, protected-ref jobs that land there included, shares what its " +
      "merge requests wrote. The tenant is the runner's owner (a group or a project). Work that must not trust " +
      "merge-request output runs on a protected fleet with tags of its own, as the kaniko and deploy fleets and " +
      "the kaniko-build and kubectl-deploy components do.",
  ),
  "DEV-19": path(
    "receives a credential meant for protected work",
    "A fleet that takes unprotected jobs hands every job what it mounts or grants: a registry push " +
      "credential, a kubeconfig, any Secret (a Git SSH key), an API token with rights, a cloud identity.",
  ),
  "DEV-20": path(
    "lands on a credentialed fleet without asking",
    "A credentialed runner that takes untagged jobs, has no tags, or is a project runner other projects may " +
      "enable, runs jobs that never asked for its credential.",
  ),
  "DEV-21": path(
    "reads a credential variable",
    "A CI/CD variable holding a credential that is not protected reaches every branch's jobs; one that is " +
      "not masked shows in job logs.",
  ),
  "DEV-22": path(
    "takes the node's cloud credentials from the metadata service",
    "A job pod on a cloud VM node can ask the instance metadata service for the node's role.",
    "The nodes of an existing cluster, their instance roles and whether pods reach the metadata address are " +
      "the cluster's, not objects of a stack; block the metadata address for job namespaces there. On ACK " +
      "Serverless a job pod is an ECI instance of its own, with the RAM role its annotations name (DEV-9).",
  ),
  "DEV-23": path(
    "reaches other services over the network",
    "Job pods can open connections to whatever the cluster network routes to them.",
    "The platform writes NetworkPolicies for the managers only; what job pods may reach is the cluster's " +
      "network policy, left to its operator.",
  ),
  "DEV-24": path(
    "reads data another tenant keeps on a shared export",
    "An NFS export or CSI volume mounted read-only shows every job of the fleet whatever the export holds.",
    "What an export holds, and who outside the stack writes it, is not an object of the stack: mounting it is " +
      "the editor's choice to share that data with every job of the fleet. Among the stack's own fleets, who " +
      "may write it is DEV-17's.",
  ),
} satisfies Record<string, ThreatPath>;
