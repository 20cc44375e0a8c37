import * as pulumi from "@pulumi/pulumi";
import { ExistingCluster } from "./components/cluster";
import { PlatformNamespaces } from "./components/namespaces";
import { isDangerous, jobNamespace, loadStackConfig } from "./config";

const config = loadStackConfig();

const cluster = new ExistingCluster("cluster", {
  clusterName: config.cluster.name ?? pulumi.getStack(),
  kubeconfig: config.secrets.kubeconfig,
  context: config.cluster.context,
});

const namespaces = new PlatformNamespaces(
  "namespaces",
  {
    managerNamespace: config.cluster.managerNamespace,
    jobPods: config.fleets.map((fleet) => ({
      fleet: fleet.name,
      namespace: jobNamespace(fleet),
      kaniko: fleet.kaniko,
      privileged: isDangerous(fleet),
    })),
  },
  { providers: [cluster.provider] },
);

export const clusterName = cluster.clusterName;
export const managerNamespace = config.cluster.managerNamespace;
export const jobNamespaces = namespaces.jobPolicies.map((p) => ({
  namespace: p.namespace,
  podSecurity: p.level,
}));
