import * as pulumi from "@pulumi/pulumi";
import {
  type RepositoryFileArgs,
  type RepositoryFileState,
  checkRepositoryFileArgs,
} from "./repository-file-args";
import { checkRequiredInputs } from "./required-inputs";
import { hasPulumiType } from "./resource-type";
import { withProviderVersion } from "./version";

/** Input names, as the generated SDK registers them. */
const INPUT_KEYS = [
  "authorEmail",
  "authorName",
  "branch",
  "commitMessage",
  "content",
  "createCommitMessage",
  "deleteCommitMessage",
  "encoding",
  "executeFilemode",
  "filePath",
  "overwriteOnCreate",
  "project",
  "startBranch",
  "updateCommitMessage",
] as const satisfies readonly (keyof RepositoryFileArgs)[];

/** Output-only names: registered as `undefined` on create so their outputs resolve. */
const OUTPUT_ONLY_KEYS = [
  "blobId",
  "commitId",
  "contentSha256",
  "fileName",
  "lastCommitId",
  "ref",
  "size",
] as const satisfies readonly (keyof RepositoryFileState)[];

/**
 * One file on a branch of a GitLab repository (`gitlab:index/repositoryFile:RepositoryFile`), committed by the
 * provider. The resource ID is `<project>:<branch>:<filePath>`. No output is secret.
 */
export class RepositoryFile extends pulumi.CustomResource {
  public static readonly __pulumiType = "gitlab:index/repositoryFile:RepositoryFile";

  /** Looks up an existing file by its ID `<project>:<branch>:<filePath>`. */
  public static get(
    name: string,
    id: pulumi.Input<pulumi.ID>,
    state?: RepositoryFileState,
    opts?: pulumi.CustomResourceOptions,
  ): RepositoryFile {
    return new RepositoryFile(name, state, { ...opts, id });
  }

  /** True when `obj` is a RepositoryFile, even one loaded from another copy of these bindings. */
  public static override isInstance(obj: unknown): obj is RepositoryFile {
    return hasPulumiType(obj, RepositoryFile.__pulumiType);
  }

  declare public readonly authorEmail: pulumi.Output<string | undefined>;
  declare public readonly authorName: pulumi.Output<string | undefined>;
  declare public readonly blobId: pulumi.Output<string>;
  declare public readonly branch: pulumi.Output<string>;
  declare public readonly commitId: pulumi.Output<string>;
  declare public readonly commitMessage: pulumi.Output<string | undefined>;
  declare public readonly content: pulumi.Output<string>;
  declare public readonly contentSha256: pulumi.Output<string>;
  declare public readonly createCommitMessage: pulumi.Output<string | undefined>;
  declare public readonly deleteCommitMessage: pulumi.Output<string | undefined>;
  declare public readonly encoding: pulumi.Output<string>;
  declare public readonly executeFilemode: pulumi.Output<boolean | undefined>;
  declare public readonly fileName: pulumi.Output<string>;
  declare public readonly filePath: pulumi.Output<string>;
  declare public readonly lastCommitId: pulumi.Output<string>;
  declare public readonly overwriteOnCreate: pulumi.Output<boolean | undefined>;
  declare public readonly project: pulumi.Output<string>;
  declare public readonly ref: pulumi.Output<string>;
  declare public readonly size: pulumi.Output<number>;
  declare public readonly startBranch: pulumi.Output<string | undefined>;
  declare public readonly updateCommitMessage: pulumi.Output<string | undefined>;

  constructor(name: string, args: RepositoryFileArgs, opts?: pulumi.CustomResourceOptions);
  constructor(
    name: string,
    argsOrState?: RepositoryFileArgs | RepositoryFileState,
    opts?: pulumi.CustomResourceOptions,
  );
  constructor(
    name: string,
    argsOrState?: RepositoryFileArgs | RepositoryFileState,
    opts?: pulumi.CustomResourceOptions,
  ) {
    const resourceInputs: pulumi.Inputs = {};
    opts = opts || {};
    const source = argsOrState as RepositoryFileState | undefined;
    if (opts.id) {
      for (const key of [...INPUT_KEYS, ...OUTPUT_ONLY_KEYS].sort()) resourceInputs[key] = source?.[key];
    } else {
      checkRequiredInputs(source, ["branch", "content", "encoding", "filePath", "project"], opts);
      if (source !== undefined && !opts.urn) {
        checkRepositoryFileArgs(name, source as RepositoryFileArgs);
      }
      for (const key of INPUT_KEYS) resourceInputs[key] = source?.[key];
      for (const key of OUTPUT_ONLY_KEYS) resourceInputs[key] = undefined;
    }
    opts = withProviderVersion(opts);
    super(RepositoryFile.__pulumiType, name, resourceInputs, opts);
  }
}
