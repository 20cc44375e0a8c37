import { z } from "../../zod";
import { dnsName, quantity } from "../../config-toml";
import { DEFAULTS } from "../../defaults";
import type { CacheBackend } from "./backend";
import { volumeSummary } from "./summaries";

/** A claim every job of the fleet mounts at its cache directory. */
export const pvcCacheSpec = z.strictObject({
  type: z.literal("pvc"),
  size: quantity.default(DEFAULTS.fleet.cache.pvc.size),
  storageClass: dnsName.optional(),
  accessMode: z.enum(["ReadWriteOnce", "ReadWriteMany"]).default(DEFAULTS.fleet.cache.pvc.accessMode),
});

export const pvcCache = {
  volume: (spec, ctx) => ({
    claim: ctx.cacheClaim,
    created: {
      name: ctx.cacheClaim,
      accessMode: spec.accessMode,
      size: spec.size,
      storageClass: spec.storageClass,
    },
  }),
  summary: volumeSummary,
} satisfies CacheBackend<z.output<typeof pvcCacheSpec>>;
