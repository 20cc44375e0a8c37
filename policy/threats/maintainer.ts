import { ThreatPath } from "./types";

const path = (title: string, how: string, outOfScope?: string): ThreatPath => ({
  actor: "maintainer",
  title,
  how,
  ...(outOfScope ? { outOfScope } : {}),
});

/** What a maintainer of a protected branch could get beyond its project's protected work. */
export const MAINTAINER_PATHS = {
  "MAINT-1": path(
    "deploys to an environment that is not its job's",
    "A KUBECONFIG available to every environment (scope `*`), or an instance variable, reaches any protected " +
      "job of any environment.",
  ),
  "MAINT-2": path(
    "spreads a kubeconfig through the environment",
    "A kubeconfig as an environment variable (not a file) or unprotected reaches every process and branch.",
  ),
  "MAINT-3": path(
    "receives an administrator's kubeconfig",
    "A client certificate or an admin context is the whole cluster, not one namespace.",
  ),
  "MAINT-4": path(
    "uses a credential of another group or project",
    "A credentialed fleet registered for the whole instance, or a project runner other projects may enable, " +
      "runs the protected jobs of projects it was not set up for.",
  ),
  "MAINT-5": path(
    "receives a credential every project on the instance receives",
    "An instance-level CI/CD variable reaches every project; one holding a credential hands it to every " +
      "project's protected jobs.",
  ),
  "MAINT-6": path(
    "deploys without the approvals its environment requires",
    "Who may deploy to an environment is GitLab's protected environment and deployment approval settings.",
    "Those settings are GitLab's and the stack does not manage them; the KUBECONFIG variable is protected and " +
      "scoped, so only protected refs deploying to that environment receive it.",
  ),
  "MAINT-7": path(
    "changes the CI/CD components every application includes",
    "The component project's templates run in every pipeline that includes them, deploy jobs included.",
    "Who may push to the component project is that project's membership and protected branches, set in GitLab; " +
      "the stack writes the files with its own token, a secret. An application that includes a component by a " +
      "tag (`…@1.0.0`) runs only what was tagged, and `pipeline:check` holds its pipeline to the fleets.",
  ),
  "MAINT-8": path(
    "deploys from a fleet that merge requests share",
    "GitLab hands a protected KUBECONFIG to the protected job whichever runner takes it; on a fleet that also " +
      "takes unprotected jobs, that job shares the fleet's cache and volumes with merge requests (DEV-18).",
    "Which runner takes a job is decided by the job's tags in the application's pipeline, which the pack does " +
      "not see; the kubectl-deploy component's default tags select the protected deploy fleet, and " +
      "`pipeline:check` checks a pipeline's jobs against every fleet they can land on.",
  ),
} satisfies Record<string, ThreatPath>;
