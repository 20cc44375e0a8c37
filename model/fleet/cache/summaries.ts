import type { CacheSummary, RenderedCache } from "./backend";

/** Whether the fleet's runners share one cache or each keeps its own, as the rendered section says. */
export function sharing(rendered: RenderedCache): string {
  return rendered.section?.shared ? "shared" : "per runner";
}

/** A cache on a claim every job of the fleet mounts: shared by all of them. */
export function volumeSummary(rendered: RenderedCache): CacheSummary {
  const claim = rendered.claim;
  return { store: "volume", where: claim && `claim ${claim.name} (${claim.size ?? "?"})`, scope: "shared" };
}

/** A bucket behind an S3-compatible endpoint. */
export function s3Summary(rendered: RenderedCache): CacheSummary {
  const s3 = rendered.section?.s3;
  return { store: "S3", where: `${s3?.serverAddress}/${s3?.bucketName}`, scope: sharing(rendered) };
}
