import { isIP } from "node:net";
import { z } from "../zod";

/** Maps every field of a model type to the exact key the runner reads from config.toml. */
export type KeyTable<T> = { readonly [K in keyof T]-?: string };

const QUANTITY = /^\+?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+|Ki|Mi|Gi|Ti|Pi|Ei|m|k|M|G|T|P|E)?$/;
const GO_DURATION = /^\+?(0|(([0-9]+(\.[0-9]*)?|\.[0-9]+)(ns|us|µs|μs|ms|s|m|h))+)$/;
const FEATURE_FLAG = /^FF_[A-Z0-9_]+$/;
const DNS_SUBDOMAIN = /^(?=.{1,253}$)[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const ENV_REFERENCE = /^\$\{[A-Za-z_][A-Za-z0-9_]*\}$/;

export function isEnvReference(value: string): boolean {
  return ENV_REFERENCE.test(value);
}

function oneOf<const T extends readonly [string, ...string[]]>(values: T) {
  const listed = values.map((v) => JSON.stringify(v)).join(", ");
  return z.enum(values, { error: () => `must be one of ${listed}` });
}

export const enumOf = oneOf;

/** A Kubernetes resource quantity such as "500m", "1.5", "2Gi"; negatives are rejected. */
export const quantity = z
  .string({ error: 'must be a Kubernetes quantity string such as "500m" or "2Gi"' })
  .regex(QUANTITY, { error: 'must be a non-negative Kubernetes quantity such as "500m", "2" or "4Gi"' });

export const ipAddress = z
  .string()
  .refine((ip) => isIP(ip) !== 0, { error: "must be an IPv4 or IPv6 address" });

/** A lower-case DNS name, as Kubernetes wants for host aliases and object names like storage classes. */
export const dnsName = z.string().regex(DNS_SUBDOMAIN, {
  error: "must be a lower-case DNS name (letters, digits, '-' and '.')",
});

/** A Go duration: a string for time.ParseDuration ("1h30m") or an integer of nanoseconds. */
const DURATION_MESSAGE = 'must be a Go duration such as "30s" or "1h30m" (an integer counts nanoseconds)';
export const goDuration = z.union(
  [
    z.string().regex(GO_DURATION, { error: DURATION_MESSAGE }),
    z.number().int({ error: DURATION_MESSAGE }).nonnegative({ error: DURATION_MESSAGE }),
  ],
  { error: DURATION_MESSAGE },
);

const DURATION_UNIT_NS: Readonly<Record<string, number>> = {
  ns: 1,
  us: 1e3,
  µs: 1e3,
  μs: 1e3,
  ms: 1e6,
  s: 1e9,
  m: 60e9,
  h: 3600e9,
};

/** Nanoseconds of a Go duration as goDuration accepts it ("1h30m", "250ms", or an integer of nanoseconds). */
export function durationNanoseconds(duration: string | number): number {
  if (typeof duration === "number") return duration;
  let total = 0;
  for (const [, amount, unit] of duration.matchAll(/(\d+(?:\.\d*)?|\.\d+)(ns|us|µs|μs|ms|s|m|h)/g))
    total += Number(amount) * DURATION_UNIT_NS[unit];
  return total;
}

/** A Go duration of at least `minimum` seconds, or zero (which the runner reads as unset). */
export function goDurationOfAtLeast(minimum: number) {
  const message = `must be 0 or at least ${minimum}s (for example "${minimum}s" or "30m")`;
  return goDuration.refine(
    (duration) => {
      const ns = durationNanoseconds(duration);
      return ns === 0 || ns >= minimum * 1e9;
    },
    { error: message },
  );
}

export const nonNegativeInt = z
  .number({ error: "must be an integer" })
  .int({ error: "must be an integer" })
  .nonnegative({ error: "must not be negative" });

export const positiveInt = z
  .number({ error: "must be an integer" })
  .int({ error: "must be an integer" })
  .min(1, { error: "must be at least 1" });

const PORT_MESSAGE = "must be a port between 1 and 65535";
export const port = z
  .number({ error: PORT_MESSAGE })
  .int({ error: PORT_MESSAGE })
  .min(1, { error: PORT_MESSAGE })
  .max(65535, { error: PORT_MESSAGE });

/** A regular expression (Go RE2 syntax; checked here with the JavaScript engine, which accepts a superset of the common forms). */
export const regexString = z
  .string()
  .refine(isCompilableRegex, { error: "must be a valid regular expression" });

function isCompilableRegex(value: string): boolean {
  try {
    new RegExp(value);
    return true;
  } catch {
    return false;
  }
}

export const stringList = z.array(z.string());
export const stringMap = z.record(z.string(), z.string());

export const featureFlags = z.record(
  z
    .string()
    .regex(FEATURE_FLAG, { error: "feature flag names match ^FF_[A-Z0-9_]+$ (for example FF_USE_FASTZIP)" }),
  z.boolean({ error: "feature flags are true or false" }),
);

export const pullPolicy = oneOf(["always", "never", "if-not-present", ""]);
export const dnsPolicy = oneOf(["none", "default", "cluster-first", "cluster-first-with-host-net", ""]);
export const patchType = oneOf(["json", "merge", "strategic", ""]);
export const logLevel = oneOf(["panic", "fatal", "error", "warn", "warning", "info", "debug", "trace"]);
export const logFormat = oneOf(["runner", "text", "json"]);
export const cacheType = oneOf(["s3", "s3v2", "gcs", "gcsv2", "azure"]);
export const taintEffect = oneOf(["NoSchedule", "PreferNoSchedule", "NoExecute", ""]);
export const selectorOperator = oneOf(["In", "NotIn", "Exists", "DoesNotExist", "Gt", "Lt"]);
export const mountPropagation = oneOf(["None", "HostToContainer", "Bidirectional"]);
export const profileType = oneOf(["RuntimeDefault", "Localhost", "Unconfined", ""]);
export const httpScheme = oneOf(["HTTP", "HTTPS", ""]);
export const executorName = oneOf([
  "shell",
  "custom",
  "instance",
  "docker",
  "docker-windows",
  "docker-autoscaler",
  "docker+machine",
  "kubernetes",
  "ssh",
  "parallels",
  "virtualbox",
]);
export const shellName = oneOf(["bash", "sh", "pwsh", "powershell", ""]);

const LABEL_KEY = /^[a-zA-Z0-9_][a-zA-Z0-9._-]{2,64}$/;
const LABEL_VALUE = /^[a-zA-Z0-9._-]{1,256}$/;

/** Runner labels: the runner refuses to start when a key or value breaks these patterns or there are more than 32. */
export const runnerLabels = z
  .record(
    z.string().regex(LABEL_KEY, { error: "label keys match ^[a-zA-Z0-9_][a-zA-Z0-9._-]{2,64}$" }),
    z.string().regex(LABEL_VALUE, { error: "label values match ^[a-zA-Z0-9._-]{1,256}$" }),
  )
  .refine((labels) => Object.keys(labels).length <= 32, { error: "at most 32 labels are allowed" });
