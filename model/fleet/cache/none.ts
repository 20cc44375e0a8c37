import { z } from "../../zod";
import type { CacheBackend } from "./backend";

/** No cache: jobs start from nothing every time. */
export const noneCacheSpec = z.strictObject({ type: z.literal("none") });

export const noneCache = {
  summary: () => ({ store: "none" }),
} satisfies CacheBackend<z.output<typeof noneCacheSpec>>;
