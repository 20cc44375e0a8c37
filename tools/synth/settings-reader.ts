import { ConfigReader, PROJECT } from "../../config";
import * as pulumi from "@pulumi/pulumi";
import { StackSettings } from "./project-files";

/** A ConfigReader over stack settings read from files, before any runtime exists. */
export function settingsReader(settings: StackSettings): ConfigReader {
  const prefix = `${PROJECT}:`;
  return {
    projectKeys: () =>
      Object.keys(settings.config)
        .filter((k) => k.startsWith(prefix))
        .map((k) => k.slice(prefix.length)),
    foreignKeys: () => Object.keys(settings.config).filter((k) => !k.startsWith(prefix)),
    raw: (key) => settings.config[prefix + key],
    isSecret: (key) => settings.secretKeys.includes(prefix + key),
    secret: (key) => {
      const raw = settings.config[prefix + key];
      return raw === undefined ? undefined : pulumi.secret(raw);
    },
    plainTextParts: (key) => settings.plainParts[prefix + key] ?? [],
  };
}
