/** Why an image reference is not pinned, or undefined when it names a digest or a tag with a version in it. */
export function unpinnedReason(image: string): string | undefined {
  if (/@sha256:[0-9a-f]{64}$/.test(image)) return undefined;
  const lastSlash = image.lastIndexOf("/");
  const colon = image.indexOf(":", lastSlash + 1);
  if (colon < 0) return "has no tag, so it means :latest";
  const tag = image.slice(colon + 1);
  if (tag.includes("$")) return `has tag "${tag}", resolved only at run time`;
  if (/(^|[-_.])latest([-_.]|$)/.test(tag)) return `has tag "${tag}", which moves`;
  // `stable`, `debug`, `alpine`, `cli` move as well: a pinned tag names a version.
  if (!/[0-9]/.test(tag)) return `has tag "${tag}", which names no version`;
  return undefined;
}
