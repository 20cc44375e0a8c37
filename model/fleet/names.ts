/** Kubernetes object names of a fleet: all derived from its name, so fleets never collide. */
export function objectNames(fleet: string) {
  return {
    tokenSecret: `${fleet}-runner-token`,
    configMap: `${fleet}-runner-config`,
    caConfigMap: `${fleet}-gitlab-ca`,
    managerServiceAccount: `${fleet}-runner`,
    role: `${fleet}-runner`,
    manager: `${fleet}-runner`,
    service: `${fleet}-runner-metrics`,
    jobServiceAccount: `${fleet}-jobs`,
    registrySecret: `${fleet}-registry`,
    gitSshSecret: `${fleet}-git-ssh`,
    cacheClaim: `${fleet}-cache`,
    buildsClaimPrefix: `${fleet}-builds-`,
  };
}
export type ObjectNames = ReturnType<typeof objectNames>;
