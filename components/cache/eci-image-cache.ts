import * as eci from "@pulumi/alicloud/eci";
import * as pulumi from "@pulumi/pulumi";

export interface EciImageCacheArgs {
  /** Name in ECI; carries a digest of the image list (imageCacheName), so a new list is a new cache. */
  imageCacheName: string;
  /** Pinned image references. */
  images: string[];
  /** GiB. */
  size: number;
  vswitchId: pulumi.Input<string>;
  securityGroupId: pulumi.Input<string>;
  /**
   * Credential for images in a private registry. The provider replaces the cache when it changes (a password
   * rotation included): give it only when a cached image is on that registry.
   */
  registry?: { server: string; username: string; password: pulumi.Input<string> };
}

/**
 * An ECI image cache snapshot: pods annotated k8s.aliyun.com/eci-auto-imc start from it instead of pulling.
 * A changed list makes a new cache before the old one is deleted.
 */
export class EciImageCache extends pulumi.ComponentResource {
  public readonly imageCacheId: pulumi.Output<string>;

  constructor(name: string, args: EciImageCacheArgs, opts?: pulumi.ComponentResourceOptions) {
    super("gitlab-ci-platform:cache:EciImageCache", name, {}, opts);
    const cache = new eci.ImageCache(
      `${name}-images`,
      {
        imageCacheName: args.imageCacheName,
        images: args.images,
        imageCacheSize: args.size,
        vswitchId: args.vswitchId,
        securityGroupId: args.securityGroupId,
        imageRegistryCredentials: args.registry && [
          {
            server: args.registry.server,
            userName: args.registry.username,
            password: pulumi.secret(args.registry.password),
          },
        ],
      },
      // The provider does not mark the registry password secret in state; the engine does, with this option.
      { parent: this, replaceOnChanges: ["images"], additionalSecretOutputs: ["imageRegistryCredentials"] },
    );
    this.imageCacheId = cache.id;
    this.registerOutputs({ imageCacheId: this.imageCacheId });
  }
}
