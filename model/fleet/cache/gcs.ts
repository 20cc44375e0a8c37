import { z } from "../../zod";
import { DEFAULTS } from "../../defaults";
import type { CacheBackend } from "./backend";
import { sharing } from "./summaries";

const GCS_BUCKET = /^[a-z0-9][a-z0-9._-]{1,61}[a-z0-9]$/;
const KEY = "cacheGcsCredentials";
/** The service account key's file: config.toml's CredentialsFile names it, the manager mounts it from a Secret. */
const KEY_FILE = { volume: "cache-gcs", directory: "/etc/gitlab-runner-cache-gcs", name: "credentials.json" };

/** A Google Cloud Storage bucket; the service account key is a file the manager mounts from a Secret. */
export const gcsCacheSpec = z.strictObject({
  type: z.literal("gcs"),
  bucketName: z.string().regex(GCS_BUCKET, {
    message: "must be a GCS bucket name: 3-63 lower-case letters, digits, '-', '_' and '.'",
  }),
  path: z.string().optional(),
  shared: z.boolean().default(DEFAULTS.fleet.cache.gcs.shared),
});

export const gcsCache = {
  // Only the key file's path: the key itself is a Secret the manager mounts there.
  section: ({ bucketName, path, shared }) => ({
    type: "gcs",
    path,
    shared,
    gcs: { bucketName, credentialsFile: `${KEY_FILE.directory}/${KEY_FILE.name}` },
  }),
  credential: {
    suffix: "cache-gcs",
    entries: [{ key: KEY_FILE.name, from: KEY }],
    files: { volume: KEY_FILE.volume, directory: KEY_FILE.directory },
    // A mounted Secret is updated in place, but the runner's GCS client reads the file only when it starts.
    rollsManagers: true,
  },
  stackSecrets: { keys: [KEY] as const, because: "because a fleet caches in GCS" },
  importer: {
    types: ["gcs"],
    table: "gcs",
    fields: ["bucketName"],
    identifiedBy: ["bucketName"],
    credentials: {
      fields: ["accessId", "privateKey", "credentialsFile"],
      reason: `the key is not imported: set it with \`pulumi config set --secret ${KEY} < key.json\` (mounted for the runner)`,
    },
    otherFields: "the stack configuration has no fleet setting for it",
  },
  summary: (rendered) => ({
    store: "GCS",
    where: `gs://${rendered.section?.gcs?.bucketName}`,
    scope: sharing(rendered),
  }),
} satisfies CacheBackend<z.output<typeof gcsCacheSpec>>;
