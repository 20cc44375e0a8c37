import { KubeObject } from "./objects";

/** A Deployment a restricted namespace admits without warnings, as an application pipeline would apply it. */
export function webDeployment(namespace: string, image = "registry.test.invalid/shop/web:1.0.0"): KubeObject {
  const labels = { app: "web" };
  return {
    apiVersion: "apps/v1",
    kind: "Deployment",
    metadata: { name: "web", namespace },
    spec: {
      replicas: 1,
      selector: { matchLabels: labels },
      template: {
        metadata: { labels },
        spec: {
          securityContext: {
            runAsNonRoot: true,
            runAsUser: 1000,
            seccompProfile: { type: "RuntimeDefault" },
          },
          containers: [
            {
              name: "web",
              image,
              resources: { limits: { memory: "128Mi" }, requests: { cpu: "10m", memory: "64Mi" } },
              securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ["ALL"] } },
            },
          ],
        },
      },
    },
  };
}
