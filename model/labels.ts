/** Labels every object of the platform carries. */
export function platformLabels(component: string, instance?: string): Record<string, string> {
  return {
    "app.kubernetes.io/part-of": "gitlab-ci-platform",
    "app.kubernetes.io/managed-by": "pulumi",
    "app.kubernetes.io/component": component,
    ...(instance ? { "app.kubernetes.io/instance": instance } : {}),
  };
}
