import { z } from "../../zod";
import type { CacheBackend } from "./backend";
import { volumeSummary } from "./summaries";

/**
 * The stack's NAS (ACK Serverless): the NasCache component creates a static PV/PVC pair per fleet, ReadWriteMany;
 * each fleet mounts its own directory of the file system at the cache dir.
 */
export const nasCacheSpec = z.strictObject({ type: z.literal("nas") });

export const nasCache = {
  volume: (_spec, ctx) => ({ claim: ctx.cacheClaim, subPath: ctx.fleet }),
  stackStore: "nas",
  summary: volumeSummary,
} satisfies CacheBackend<z.output<typeof nasCacheSpec>>;
