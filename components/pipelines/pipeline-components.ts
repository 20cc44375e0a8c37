import * as pulumi from "@pulumi/pulumi";
import { componentInclude, type ComponentProject } from "../../model/pipelines";
import { RepositoryFile } from "../gitlab/bindings";
import { loadComponentProject } from "./template-folder";

export interface PipelineComponentsArgs {
  /** The component project's path with its namespace, e.g. `platform/ci-components`. It must exist. */
  project: string;
  /** Branch the files are committed to. It must exist: GitLab creates no branch for a file commit. */
  branch: string;
  /** Author name of the commits. Unset: the token's user. */
  authorName?: string;
  /** Author e-mail of the commits. Unset: the token's user's. */
  authorEmail?: string;
  /** Message of every commit. Default: `Publish CI/CD components (<project>, stack <stack>)` (the Pulumi names). */
  commitMessage?: string;
  /** What to publish. Default: this repository's `templates/` folder, read and checked when constructed. */
  content?: ComponentProject;
}

/**
 * The CI/CD components of this repository committed into a GitLab component project, one file each (the
 * components at `templates/…`, the README at the root), so applications include them by path and version:
 * `$CI_SERVER_FQDN/<project>/<component>@<branch or tag>`.
 */
export class PipelineComponents extends pulumi.ComponentResource {
  public readonly project: string;
  public readonly branch: string;
  /** Paths in the component project, sorted. */
  public readonly paths: string[];
  /** One include line per component, sorted by component, naming the branch the files are on. */
  public readonly includes: string[];
  public readonly files: RepositoryFile[];

  constructor(name: string, args: PipelineComponentsArgs, opts?: pulumi.ComponentResourceOptions) {
    super("gitlab-ci-platform:pipelines:PipelineComponents", name, {}, opts);
    const content = args.content ?? loadComponentProject();
    const commitMessage =
      args.commitMessage ?? `Publish CI/CD components (${pulumi.getProject()}, stack ${pulumi.getStack()})`;
    this.project = args.project;
    this.branch = args.branch;
    this.paths = content.files.map((f) => f.path);
    this.includes = content.components.map((c) => componentInclude(args.project, c, args.branch));
    // Resource names carry the file's path as it is: paths are unique, so the names are.
    this.files = content.files.map(
      (file) =>
        new RepositoryFile(
          `${name}-${file.path}`,
          {
            project: args.project,
            branch: args.branch,
            filePath: file.path,
            content: file.content,
            encoding: "text",
            // A file already there (a first push by hand) is taken over, not an error.
            overwriteOnCreate: true,
            commitMessage,
            authorName: args.authorName,
            authorEmail: args.authorEmail,
          },
          { parent: this },
        ),
    );
    this.registerOutputs({
      project: this.project,
      branch: this.branch,
      paths: this.paths,
      includes: this.includes,
    });
  }
}
