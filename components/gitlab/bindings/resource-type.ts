/** True when `obj` is a resource registered with the given type token (how the generated `isInstance` works). */
export function hasPulumiType(obj: unknown, type: string): boolean {
  if (typeof obj !== "object" || obj === null) {
    return false;
  }
  return (obj as { __pulumiType?: unknown }).__pulumiType === type;
}
