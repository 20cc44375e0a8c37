import { ThreatPath } from "./types";

const path = (title: string, how: string, outOfScope?: string): ThreatPath => ({
  actor: "editor",
  title,
  how,
  ...(outOfScope ? { outOfScope } : {}),
});

/** What someone who can edit a stack file could slip past review. */
export const EDITOR_PATHS = {
  "EDIT-1": path(
    "hides a setting from review",
    "A config.toml, pod template or runner setting computed from values unknown at preview, or kept secret, " +
      "cannot be read by the pack.",
    "No rule of its own: the rules report a value they judge but cannot read (config.toml, a pod template, " +
      "RBAC rules and subjects, a runner's settings, a namespace's labels) as could not check, at the rule's " +
      "level, never as a pass.",
  ),
  "EDIT-2": path(
    "puts a credential where others can read it",
    "A credential in a ConfigMap (config.toml included), a literal environment value, plain state or a plain " +
      "stack output is readable by whoever reads those.",
  ),
  "EDIT-3": path(
    "runs an image that can change under the same name",
    "An unpinned manager, helper or default job image runs whatever its registry serves under that tag next.",
  ),
  "EDIT-4": path(
    "exposes or destroys the cache storage",
    "A public or unencrypted bucket shows every project's cache; storage that is not protected, or a volume " +
      "that does not retain its data, disappears with a change that no longer declares it.",
  ),
  "EDIT-5": path(
    "loosens the pack itself",
    "Levels and exceptions decide what blocks a merge.",
    "They live in `policy/config` and `--policy-config` files, changed by merge requests like code; an " +
      "exception needs a reason, and `synth --policy` and `policy:analyze` keep listing the violation (advisory, " +
      "with the reason).",
  ),
} satisfies Record<string, ThreatPath>;
