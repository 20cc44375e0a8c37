import type * as k8s from "@pulumi/kubernetes";
import { RESTRICTED_CONTAINER_CONTEXT } from "../pod-security";
import { AGENTK_PATHS, type AgentPlan } from "./plan";

type DeploymentSpec = k8s.types.input.apps.v1.DeploymentSpec;
type NetworkPolicySpec = k8s.types.input.networking.v1.NetworkPolicySpec;
type PodDisruptionBudgetSpec = k8s.types.input.policy.v1.PodDisruptionBudgetSpec;

/** The user of agentk's image (distroless "nonroot"). */
export const AGENTK_USER = 65532;
/** agentk's observability listener: metrics and the health endpoints its probes read. */
export const AGENTK_OBSERVABILITY_PORT = 8080;

const fieldEnv = (name: string, fieldPath: string) => ({ name, valueFrom: { fieldRef: { fieldPath } } });
const limitEnv = (name: string, resource: string) => ({
  name,
  valueFrom: { resourceFieldRef: { resource } },
});

function args(plan: AgentPlan): string[] {
  return [
    `--token-file=${AGENTK_PATHS.tokenDir}/${AGENTK_PATHS.tokenKey}`,
    `--kas-address=${plan.spec.kasAddress}`,
    ...(plan.spec.kasCaCert ? [`--kas-ca-cert-file=${AGENTK_PATHS.kasCaDir}/${AGENTK_PATHS.kasCaKey}`] : []),
  ];
}

function volumes(plan: AgentPlan) {
  // Read by the agentk user only: the files belong to its group (fsGroup), others may not read them.
  const token = { name: "token", secret: { secretName: plan.names.tokenSecret, defaultMode: 0o440 } };
  const ca = { name: "kas-ca", configMap: { name: plan.names.kasCaConfigMap, defaultMode: 0o444 } };
  return plan.spec.kasCaCert ? [token, ca] : [token];
}

function mounts(plan: AgentPlan) {
  const token = { name: "token", mountPath: AGENTK_PATHS.tokenDir, readOnly: true };
  const ca = { name: "kas-ca", mountPath: AGENTK_PATHS.kasCaDir, readOnly: true };
  return plan.spec.kasCaCert ? [token, ca] : [token];
}

/**
 * agentk's Deployment: Pod Security restricted with a read-only root filesystem, the pinned image, the token read
 * from a mounted Secret (never an environment value), requests and limits, the probes of its health endpoints, and
 * rolling updates that keep every replica until its successor is ready.
 */
export function agentkDeploymentSpec(plan: AgentPlan): DeploymentSpec {
  const { spec } = plan;
  const httpProbe = (path: string, initialDelaySeconds: number, periodSeconds: number) => ({
    httpGet: { path, port: AGENTK_OBSERVABILITY_PORT },
    initialDelaySeconds,
    periodSeconds,
  });
  return {
    replicas: spec.replicas,
    strategy: { type: "RollingUpdate", rollingUpdate: { maxSurge: 1, maxUnavailable: 0 } },
    selector: { matchLabels: plan.labels },
    template: {
      metadata: { labels: plan.labels },
      spec: {
        serviceAccountName: plan.names.serviceAccount,
        ...(spec.hostAliases.length
          ? { hostAliases: spec.hostAliases.map((a) => ({ ...a, hostnames: [...a.hostnames] })) }
          : {}),
        // agentk calls the API server as its ServiceAccount: a projected, expiring token.
        automountServiceAccountToken: true,
        securityContext: {
          runAsNonRoot: true,
          runAsUser: AGENTK_USER,
          runAsGroup: AGENTK_USER,
          fsGroup: AGENTK_USER,
          seccompProfile: { type: "RuntimeDefault" },
        },
        containers: [
          {
            name: "agentk",
            image: spec.image,
            args: args(plan),
            env: [
              fieldEnv("POD_NAMESPACE", "metadata.namespace"),
              fieldEnv("POD_NAME", "metadata.name"),
              fieldEnv("SERVICE_ACCOUNT_NAME", "spec.serviceAccountName"),
              limitEnv("GOMAXPROCS", "limits.cpu"),
              limitEnv("GOMEMLIMIT", "limits.memory"),
            ],
            ports: [{ name: "observability", containerPort: AGENTK_OBSERVABILITY_PORT, protocol: "TCP" }],
            livenessProbe: httpProbe("/liveness", 15, 20),
            readinessProbe: httpProbe("/readiness", 5, 10),
            resources: { requests: spec.requests, limits: spec.limits },
            securityContext: { ...RESTRICTED_CONTAINER_CONTEXT, readOnlyRootFilesystem: true },
            volumeMounts: mounts(plan),
            terminationMessagePolicy: "FallbackToLogsOnError",
          },
        ],
        volumes: volumes(plan),
      },
    },
  };
}

/** At most one agentk down at a time; never blocks a node drain. */
export function agentkDisruptionBudgetSpec(plan: AgentPlan): PodDisruptionBudgetSpec {
  return {
    maxUnavailable: 1,
    unhealthyPodEvictionPolicy: "AlwaysAllow",
    selector: { matchLabels: plan.labels },
  };
}

/**
 * Nothing may connect to agentk: it dials out (the kubelet's probes are not subject to NetworkPolicy). It may
 * resolve names and connect to the agent server's and the API server's ports. A NetworkPolicy names no host, so
 * those ports are open to any address.
 */
export function agentkNetworkPolicySpec(plan: AgentPlan): NetworkPolicySpec {
  return {
    podSelector: { matchLabels: plan.labels },
    policyTypes: ["Ingress", "Egress"],
    ingress: [],
    egress: [
      {
        ports: [
          { port: 53, protocol: "UDP" },
          { port: 53, protocol: "TCP" },
        ],
      },
      { ports: plan.egressPorts.map((port) => ({ port, protocol: "TCP" })) },
    ],
  };
}
