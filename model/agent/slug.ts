import { createHash } from "node:crypto";

/** The longest slug GitLab makes (an OpenShift limit it keeps). */
const MAX_SLUG = 24;
/** How much of a shortened slug GitLab keeps before the suffix. */
const KEPT = 17;

/** GitLab's suffix for a slug that differs from its name: the last 6 base-36 digits of the name's SHA-256. */
export function slugSuffix(hexDigest: string): string {
  return BigInt(`0x${hexDigest}`).toString(36).slice(-6);
}

const sha256 = (text: string) => createHash("sha256").update(text, "utf8").digest("hex");

/**
 * An environment's slug (`CI_ENVIRONMENT_SLUG`) as GitLab computes it when it creates the environment
 * (lib/gitlab/slug/environment.rb): lower-case letters, digits and '-', starting with a letter, no repeated '-', at
 * most 24 characters; a name that had to change gets a 6-character suffix from its hash, so that two names do not
 * share a slug. The slug of a name that is already one is the name. `digest` is the hash (tests replace it).
 */
export function environmentSlug(name: string, digest: (text: string) => string = sha256): string {
  let slug = name.toLowerCase().replace(/[^a-z0-9]/g, "-");
  if (!/^[a-z]/.test(slug)) slug = `env-${slug}`;
  slug = slug.replace(/-+/g, "-");
  if (slug.length > MAX_SLUG || slug !== name) {
    const kept = slug.slice(0, KEPT);
    return `${kept}${kept.endsWith("-") ? "" : "-"}${slugSuffix(digest(name))}`;
  }
  return slug.replace(/-$/, "");
}
