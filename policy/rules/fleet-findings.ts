import { OverwritePattern } from "../overwrite-pattern";
import { Fleet } from "../stack-index";
import { Finding, ResourceView, describe } from "../view";

/** A fleet whose config.toml cannot be read: its overwrite patterns could not be checked. */
export function unreadableFleet(fleet: Fleet, what: string): Array<Finding & { resource: ResourceView }> {
  if (fleet.config.state !== "unreadable") return [];
  return [
    {
      resource: fleet.configMap,
      field: "data.config.toml",
      couldNotCheck: true,
      message: `${describe(fleet.configMap)}: ${fleet.config.reason}, so ${what} could not be checked — render config.toml from values known at preview`,
    },
  ];
}

/** A pattern in syntax only Go reads the same way: reported as could not check, never guessed. */
export function patternFinding(
  where: string,
  key: string,
  pattern: Extract<OverwritePattern, { state: "unsupported" }>,
): Finding {
  return {
    field: "data.config.toml",
    couldNotCheck: true,
    message: `${where} ${key} "${pattern.source}" ${pattern.reason}, so what it admits could not be checked — write it with plain RE2 syntax (anchors, classes, alternatives)`,
  };
}
