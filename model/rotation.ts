/**
 * A DNS-safe suffix from a rotation marker (lower-case letters, digits, '-'; at most 20 characters): what a
 * credential's object name carries, so that changing the marker replaces the credential.
 */
export function rotationSuffix(rotation: string): string {
  return (
    rotation
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 20)
      .replace(/-+$/, "") || "r"
  );
}
