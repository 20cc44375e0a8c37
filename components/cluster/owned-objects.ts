import * as pulumi from "@pulumi/pulumi";
import { ANNOTATIONS } from "../../model/labels";

type Annotations = pulumi.Input<Record<string, pulumi.Input<string>>>;
type Metadata = { annotations?: Annotations } & Record<string, unknown>;

/**
 * A stack transformation that adds `annotations` to the metadata of every resource whose type `applies`. A plain
 * metadata object stays plain, so that nothing in it becomes unknown in a preview.
 */
export function annotating(
  annotations: Record<string, string>,
  applies: (type: string) => boolean,
): pulumi.ResourceTransformation {
  const annotated = (metadata: Metadata): Metadata => ({
    ...metadata,
    annotations: pulumi.output(metadata.annotations ?? {}).apply((given) => ({ ...given, ...annotations })),
  });
  return (args) => {
    if (!applies(args.type)) return undefined;
    const given = (args.props as { metadata?: pulumi.Input<Metadata> }).metadata ?? {};
    const metadata =
      pulumi.Output.isInstance(given) || given instanceof Promise
        ? pulumi.output(given).apply(annotated)
        : annotated(given);
    return { props: { ...args.props, metadata }, opts: args.opts };
  };
}

/**
 * Marks every Kubernetes object the stack creates with `pulumi.com/patchForce: "true"` (not the Patch types,
 * which edit objects the stack does not own): the stack owns its objects, so a field changed by hand is restored
 * by the next `pulumi up` rather than stopping the preview on a Server-Side Apply conflict. The provider's own
 * enablePatchForce option does not reach the preview's dry run; the annotation does.
 */
export const ownKubernetesObjects = annotating(
  { [ANNOTATIONS.patchForce]: "true" },
  (type) => type.startsWith("kubernetes:") && !type.endsWith("Patch"),
);
