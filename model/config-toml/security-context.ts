import { z } from "../zod";
import { type KeyTable, nonNegativeInt, profileType, stringList } from "./primitives";
import { section } from "./section";

const PROC_MOUNT = /^\s*(default|unmasked)?\s*$/i;

export const profileSchema = z
  .strictObject({
    type: profileType.optional(),
    localhostProfile: z.string().optional(),
  })
  .refine((p) => p.type !== "Localhost" || Boolean(p.localhostProfile), {
    error: "type Localhost needs localhostProfile",
    path: ["localhostProfile"],
  });
export type Profile = z.infer<typeof profileSchema>;
export const PROFILE_KEYS: KeyTable<Profile> = { type: "type", localhostProfile: "localhost_profile" };

export const capabilitiesSchema = z.strictObject({
  add: stringList.optional(),
  drop: stringList.optional(),
});
export type Capabilities = z.infer<typeof capabilitiesSchema>;
export const CAPABILITIES_KEYS: KeyTable<Capabilities> = { add: "add", drop: "drop" };

export const podSecurityContextSchema = z.strictObject({
  fsGroup: nonNegativeInt.optional(),
  runAsGroup: nonNegativeInt.optional(),
  runAsNonRoot: z.boolean().optional(),
  runAsUser: nonNegativeInt.optional(),
  supplementalGroups: z.array(nonNegativeInt).optional(),
  selinuxType: z.string().optional(),
  seccompProfile: profileSchema.optional(),
  appArmorProfile: profileSchema.optional(),
});
export type PodSecurityContext = z.infer<typeof podSecurityContextSchema>;
export const POD_SECURITY_CONTEXT_KEYS: KeyTable<PodSecurityContext> = {
  fsGroup: "fs_group",
  runAsGroup: "run_as_group",
  runAsNonRoot: "run_as_non_root",
  runAsUser: "run_as_user",
  supplementalGroups: "supplemental_groups",
  selinuxType: "selinux_type",
  seccompProfile: "seccomp_profile",
  appArmorProfile: "app_armor_profile",
};

export const containerSecurityContextSchema = z.strictObject({
  capabilities: capabilitiesSchema.optional(),
  privileged: z.boolean().optional(),
  runAsUser: nonNegativeInt.optional(),
  runAsGroup: nonNegativeInt.optional(),
  runAsNonRoot: z.boolean().optional(),
  readOnlyRootFilesystem: z.boolean().optional(),
  allowPrivilegeEscalation: z.boolean().optional(),
  selinuxType: z.string().optional(),
  procMount: z.string().regex(PROC_MOUNT, { error: 'must be "default" or "unmasked"' }).optional(),
  seccompProfile: profileSchema.optional(),
  appArmorProfile: profileSchema.optional(),
});
export type ContainerSecurityContext = z.infer<typeof containerSecurityContextSchema>;
export const CONTAINER_SECURITY_CONTEXT_KEYS: KeyTable<ContainerSecurityContext> = {
  capabilities: "capabilities",
  privileged: "privileged",
  runAsUser: "run_as_user",
  runAsGroup: "run_as_group",
  runAsNonRoot: "run_as_non_root",
  readOnlyRootFilesystem: "read_only_root_filesystem",
  allowPrivilegeEscalation: "allow_privilege_escalation",
  selinuxType: "selinux_type",
  procMount: "proc_mount",
  seccompProfile: "seccomp_profile",
  appArmorProfile: "app_armor_profile",
};

const PROFILE_SECTION = section<Profile>(PROFILE_KEYS);

export const POD_SECURITY_CONTEXT_SECTION = section<PodSecurityContext>(POD_SECURITY_CONTEXT_KEYS, {
  seccompProfile: PROFILE_SECTION,
  appArmorProfile: PROFILE_SECTION,
});

export const CONTAINER_SECURITY_CONTEXT_SECTION = section<ContainerSecurityContext>(
  CONTAINER_SECURITY_CONTEXT_KEYS,
  {
    capabilities: section<Capabilities>(CAPABILITIES_KEYS),
    seccompProfile: PROFILE_SECTION,
    appArmorProfile: PROFILE_SECTION,
  },
);
