import { z } from "../zod";
import {
  goDuration,
  type KeyTable,
  logFormat,
  logLevel,
  nonNegativeInt,
  positiveInt,
  runnerLabels,
} from "./primitives";
import { RUNNER_SECTION, runnerEntrySchema, runnerTemplateSchema } from "./runner-entry";
import { section } from "./section";

export const sessionServerSchema = z.strictObject({
  listenAddress: z.string().optional(),
  advertiseAddress: z.string().optional(),
  sessionTimeout: positiveInt.optional(),
});
export type SessionServer = z.infer<typeof sessionServerSchema>;
const SESSION_SERVER_KEYS: KeyTable<SessionServer> = {
  listenAddress: "listen_address",
  advertiseAddress: "advertise_address",
  sessionTimeout: "session_timeout",
};

const globalShape = {
  concurrent: nonNegativeInt.optional(),
  checkInterval: nonNegativeInt.optional(),
  logLevel: logLevel.optional(),
  logFormat: logFormat.optional(),
  shutdownTimeout: nonNegativeInt.optional(),
  listenAddress: z.string().optional(),
  user: z.string().optional(),
  sentryDsn: z.string().optional(),
  connectionMaxAge: goDuration.optional(),
  labels: runnerLabels.optional(),
  sessionServer: sessionServerSchema.optional(),
};

/** The global section of config.toml (everything outside [[runners]]). */
export const globalSettingsSchema = z.strictObject(globalShape);
export type GlobalSettings = z.infer<typeof globalSettingsSchema>;

export const runnerConfigSchema = z.strictObject({
  ...globalShape,
  runners: z.array(runnerEntrySchema).optional(),
});
export type RunnerConfig = z.infer<typeof runnerConfigSchema>;

/** A registration template (`--template-config`) or a partial config: runners may lack url, token, executor. */
export const runnerConfigTemplateSchema = z.strictObject({
  ...globalShape,
  runners: z.array(runnerTemplateSchema).optional(),
});
export type RunnerConfigTemplate = z.infer<typeof runnerConfigTemplateSchema>;

export const CONFIG_KEYS: KeyTable<RunnerConfig> = {
  concurrent: "concurrent",
  checkInterval: "check_interval",
  logLevel: "log_level",
  logFormat: "log_format",
  shutdownTimeout: "shutdown_timeout",
  listenAddress: "listen_address",
  user: "user",
  sentryDsn: "sentry_dsn",
  connectionMaxAge: "connection_max_age",
  labels: "labels",
  sessionServer: "session_server",
  runners: "runners",
};

export const CONFIG_SECTION = section<RunnerConfig>(CONFIG_KEYS, {
  sessionServer: section<SessionServer>(SESSION_SERVER_KEYS),
  runners: RUNNER_SECTION,
});

/** Global keys the runner accepts that this model leaves out, with the reason. */
export const GLOBAL_KEYS_OUTSIDE_MODEL: Readonly<Record<string, string>> = {
  machine: "configures the docker+machine executor; this model covers the Kubernetes executor only",
  experimental: "usage-logger settings are a valid runner key that this model does not cover",
};
