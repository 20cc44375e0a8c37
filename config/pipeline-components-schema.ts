import { z } from "zod";
import { DEFAULTS } from "../model/defaults";
import { branchName } from "./formats";
import { projectPath } from "./variables-schema";

/**
 * Where the stack publishes the CI/CD components in `templates/`: an existing GitLab project (a component
 * project), committed to one branch. Unset, nothing is published.
 */
export const pipelineComponentsSchema = z.strictObject({
  /** The component project's path with its namespace, e.g. `platform/ci-components`; it must exist. */
  project: projectPath,
  /** Branch the files are committed to; applications include `@<branch>` until a maintainer tags a version. */
  branch: branchName.default(DEFAULTS.pipelineComponents.branch),
  /** Author of the commits; the token's user when unset. */
  authorName: z.string().min(1).max(255).optional(),
  authorEmail: z.email({ message: "must be an e-mail address such as ci-platform@example.com" }).optional(),
});

export type PipelineComponentsConfig = z.infer<typeof pipelineComponentsSchema>;
