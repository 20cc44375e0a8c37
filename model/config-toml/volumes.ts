import { z } from "../zod";
import { type KeyTable, mountPropagation, quantity, stringMap } from "./primitives";
import { section } from "./section";

const EMPTY_DIR_MEDIUM = /^(|Memory|HugePages(-.+)?)$/;

const name = z.string().min(1, { error: "a volume needs a name" });
const mountPath = z.string().min(1, { error: "a volume needs a mount path" });

export const hostPathVolumeSchema = z.strictObject({
  name,
  mountPath,
  subPath: z.string().optional(),
  readOnly: z.boolean().optional(),
  hostPath: z.string().optional(),
  mountPropagation: mountPropagation.optional(),
});
export type HostPathVolume = z.infer<typeof hostPathVolumeSchema>;
const HOST_PATH_KEYS: KeyTable<HostPathVolume> = {
  name: "name",
  mountPath: "mount_path",
  subPath: "sub_path",
  readOnly: "read_only",
  hostPath: "host_path",
  mountPropagation: "mount_propagation",
};

export const pvcVolumeSchema = z.strictObject({
  name,
  mountPath,
  subPath: z.string().optional(),
  readOnly: z.boolean().optional(),
  mountPropagation: mountPropagation.optional(),
});
export type PvcVolume = z.infer<typeof pvcVolumeSchema>;
const PVC_KEYS: KeyTable<PvcVolume> = {
  name: "name",
  mountPath: "mount_path",
  subPath: "sub_path",
  readOnly: "read_only",
  mountPropagation: "mount_propagation",
};

/** config_map and secret volumes share one shape: `items` maps a key of the object to a file path. */
export const keyedVolumeSchema = z.strictObject({
  name,
  mountPath,
  subPath: z.string().optional(),
  readOnly: z.boolean().optional(),
  items: stringMap.optional(),
});
export type KeyedVolume = z.infer<typeof keyedVolumeSchema>;
const KEYED_VOLUME_KEYS: KeyTable<KeyedVolume> = {
  name: "name",
  mountPath: "mount_path",
  subPath: "sub_path",
  readOnly: "read_only",
  items: "items",
};

export const emptyDirVolumeSchema = z.strictObject({
  name,
  mountPath,
  subPath: z.string().optional(),
  medium: z
    .string()
    .regex(EMPTY_DIR_MEDIUM, { error: 'must be "", "Memory" or "HugePages[-<size>]"' })
    .optional(),
  sizeLimit: quantity.optional(),
  mountPropagation: mountPropagation.optional(),
});
export type EmptyDirVolume = z.infer<typeof emptyDirVolumeSchema>;
const EMPTY_DIR_KEYS: KeyTable<EmptyDirVolume> = {
  name: "name",
  mountPath: "mount_path",
  subPath: "sub_path",
  medium: "medium",
  sizeLimit: "size_limit",
  mountPropagation: "mount_propagation",
};

export const csiVolumeSchema = z.strictObject({
  name,
  mountPath,
  subPath: z.string().optional(),
  driver: z.string().min(1, { error: "a CSI volume needs a driver" }),
  fsType: z.string().optional(),
  readOnly: z.boolean().optional(),
  volumeAttributes: stringMap.optional(),
});
export type CsiVolume = z.infer<typeof csiVolumeSchema>;
const CSI_KEYS: KeyTable<CsiVolume> = {
  name: "name",
  mountPath: "mount_path",
  subPath: "sub_path",
  driver: "driver",
  fsType: "fs_type",
  readOnly: "read_only",
  volumeAttributes: "volume_attributes",
};

export const nfsVolumeSchema = z.strictObject({
  name,
  mountPath,
  subPath: z.string().optional(),
  server: z.string().min(1, { error: "an NFS volume needs a server" }),
  path: z.string().min(1, { error: "an NFS volume needs the exported path" }),
  readOnly: z.boolean().optional(),
});
export type NfsVolume = z.infer<typeof nfsVolumeSchema>;
const NFS_KEYS: KeyTable<NfsVolume> = {
  name: "name",
  mountPath: "mount_path",
  subPath: "sub_path",
  server: "server",
  path: "path",
  readOnly: "read_only",
};

export const volumesSchema = z.strictObject({
  hostPath: z.array(hostPathVolumeSchema).optional(),
  pvc: z.array(pvcVolumeSchema).optional(),
  configMap: z.array(keyedVolumeSchema).optional(),
  secret: z.array(keyedVolumeSchema).optional(),
  emptyDir: z.array(emptyDirVolumeSchema).optional(),
  csi: z.array(csiVolumeSchema).optional(),
  nfs: z.array(nfsVolumeSchema).optional(),
});
export type Volumes = z.infer<typeof volumesSchema>;
const VOLUMES_KEYS: KeyTable<Volumes> = {
  hostPath: "host_path",
  pvc: "pvc",
  configMap: "config_map",
  secret: "secret",
  emptyDir: "empty_dir",
  csi: "csi",
  nfs: "nfs",
};

const KEYED_VOLUME_SECTION = section<KeyedVolume>(KEYED_VOLUME_KEYS);

export const VOLUMES_SECTION = section<Volumes>(VOLUMES_KEYS, {
  hostPath: section<HostPathVolume>(HOST_PATH_KEYS),
  pvc: section<PvcVolume>(PVC_KEYS),
  configMap: KEYED_VOLUME_SECTION,
  secret: KEYED_VOLUME_SECTION,
  emptyDir: section<EmptyDirVolume>(EMPTY_DIR_KEYS),
  csi: section<CsiVolume>(CSI_KEYS),
  nfs: section<NfsVolume>(NFS_KEYS),
});
