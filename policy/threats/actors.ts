import { Actor, ActorId } from "./types";

export const ACTORS: Record<ActorId, Actor> = {
  developer: {
    name: "A developer of any project whose jobs reach a fleet",
    who:
      "Anyone who can push a branch or open a merge request in a project a fleet serves: GitLab runs the " +
      "project's `.gitlab-ci.yml`, which they write, on every fleet that takes unprotected jobs with the job's " +
      "tags (or untagged jobs).",
    byDesign:
      "Runs any script in a job pod of such a fleet: the images and services the fleet allows, the fleet's " +
      "volumes and cache, as the fleet's job ServiceAccount without a Kubernetes API token, inside the fleet's " +
      "resource limits and Pod Security level. Sets the `KUBERNETES_*` variables the fleet's " +
      "`*_overwrite_allowed` keys admit. Receives the project's unprotected CI/CD variables.",
  },
  maintainer: {
    name: "A maintainer of a protected branch",
    who:
      "Anyone who may push or merge to a protected branch or tag: its pipelines also run on protected fleets " +
      "(access level `ref_protected`) and receive protected CI/CD variables.",
    byDesign:
      "Everything a developer may do; builds and pushes images with a kaniko fleet's registry credential; " +
      "deploys with the KUBECONFIG its project receives for the environments the variable is scoped to.",
  },
  editor: {
    name: "Someone who can edit a stack file",
    who: "Anyone who can open a merge request against this repository: stack files, the program, the pack's configuration.",
    byDesign:
      "Proposes any change. The policy pack (`synth --policy` in the merge request, `pulumi preview` in " +
      "Deployments) and a reviewer judge the objects it renders before anything is deployed.",
  },
  manager: {
    name: "The runner manager",
    who: "The gitlab-runner process of a fleet: its ServiceAccount, its runner authentication token, its config.toml.",
    byDesign:
      "Polls GitLab with its token for the jobs its runner may take; creates, attaches to and deletes job pods " +
      "and their Secrets and Services in the fleet's job namespace, with the verbs GitLab's permission table " +
      "lists for the features the fleet turns on; reads config.toml from its ConfigMap and the token from its Secret.",
  },
  deployJob: {
    name: "A deploy job",
    who: "A job that received an application's KUBECONFIG, a protected file variable scoped to one environment.",
    byDesign:
      "Applies the kinds the application deploys in that environment's namespace (deletes them too with " +
      "prune) and reads what `kubectl rollout status` needs; nothing else, nowhere else.",
  },
  agent: {
    name: "The GitLab agent and whoever steers it",
    who:
      "agentk's ServiceAccount, and what decides what it impersonates: GitLab's agent server and the agent's " +
      "configuration file in its configuration project.",
    byDesign:
      "Impersonates the CI/CD jobs of the projects and environments the stack authorises (any user name, the " +
      "gitlab: groups GitLab's agent server sends for those jobs, its extra keys), which may then do what their " +
      "environment's deployer Role allows in its namespace; nothing else.",
  },
};
