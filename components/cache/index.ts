export { EciImageCache, type EciImageCacheArgs } from "./eci-image-cache";
export { NasCache, type NasCacheArgs } from "./nas-cache";
export { OssCache, type OssCacheArgs } from "./oss-cache";
