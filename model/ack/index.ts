export {
  cacheNeedsRegistryCredential,
  ECI_ANNOTATIONS,
  type EciPodOptions,
  eciPodAnnotations,
  helperImageFor,
  imageCacheImages,
  imageCacheName,
  imageRegistry,
  isPinnedImage,
  SPOT_AS_PRICE_GO,
} from "./eci";
export {
  ALIBABA_CLOUD_ENV,
  type AlibabaCloudIdentity,
  alibabaCloudIdentity,
  providerCredentials,
  roleSessionName,
} from "./identity";
export {
  NAS_MOUNT_OPTIONS,
  type NasClaimPlan,
  nasClaimPlan,
  nasClaimSpec,
  nasDescription,
  nasVolumeSpec,
} from "./nas";
export {
  enhancedNatZoneProblem,
  IPV4_CIDR,
  planVSwitches,
  type VSwitchPlan,
  vpcCidrProblem,
  VSWITCH_EXTRA_BITS,
} from "./network";
export { ossBucketPolicyDocument, ossInternalEndpoint } from "./oss";
