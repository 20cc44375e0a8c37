import type * as pulumi from "@pulumi/pulumi";
import { REPOSITORY_FILE_ENCODINGS, type RepositoryFileEncoding } from "./enums";
import { invalidArgs, isOneOf, NOT_YET_KNOWN, plainValue } from "./plain-input";

/** Inputs of one file on a branch of a repository (`gitlab_repository_file`). */
export interface RepositoryFileArgs {
  /** Project ID or full path (`group/sub/project`). Changing it replaces the file. */
  project: pulumi.Input<string>;
  /** Branch to commit to. Changing it replaces the file. */
  branch: pulumi.Input<string>;
  /** Path from the repository root, without a leading `/` or `./`. Changing it replaces the file. */
  filePath: pulumi.Input<string>;
  /** File content, encoded per `encoding` (with `base64`, already base64). */
  content: pulumi.Input<string>;
  /** `text` or `base64` (case-sensitive). */
  encoding: pulumi.Input<RepositoryFileEncoding>;
  /** Commit author e-mail. Unset: the token's user. */
  authorEmail?: pulumi.Input<string>;
  /** Commit author name. Unset: the token's user. */
  authorName?: pulumi.Input<string>;
  /** Message of every commit (create, update, delete); conflicts with the three specific messages. */
  commitMessage?: pulumi.Input<string>;
  /** Message of the creating commit; set together with `updateCommitMessage` and `deleteCommitMessage`. */
  createCommitMessage?: pulumi.Input<string>;
  /** Message of the deleting commit; set together with the other two specific messages. */
  deleteCommitMessage?: pulumi.Input<string>;
  /** Message of updating commits; set together with the other two specific messages. */
  updateCommitMessage?: pulumi.Input<string>;
  /** Set the file's executable bit. */
  executeFilemode?: pulumi.Input<boolean>;
  /** On create, update the file when it already exists instead of failing. Unset: false. */
  overwriteOnCreate?: pulumi.Input<boolean>;
  /** Branch the new commit is based on, when `branch` does not exist yet. */
  startBranch?: pulumi.Input<string>;
}

/** State of an existing file, used by `RepositoryFile.get`: the inputs and what GitLab reports about the file. */
export interface RepositoryFileState extends Partial<RepositoryFileArgs> {
  /** Git blob ID of the file. */
  blobId?: pulumi.Input<string>;
  /** Commit that created or last changed the file through this resource. */
  commitId?: pulumi.Input<string>;
  /** SHA-256 of the content. */
  contentSha256?: pulumi.Input<string>;
  /** The file's base name. */
  fileName?: pulumi.Input<string>;
  /** Last commit that touched the file. */
  lastCommitId?: pulumi.Input<string>;
  /** Ref the file was read from. */
  ref?: pulumi.Input<string>;
  /** File size in bytes. */
  size?: pulumi.Input<number>;
}

const SPECIFIC_MESSAGES = ["createCommitMessage", "updateCommitMessage", "deleteCommitMessage"] as const;

/**
 * Checks the provider's own RepositoryFile rules on values that are already known, so mistakes fail at
 * `pulumi preview` instead of midway through `pulumi up`. Inputs that are Outputs are left to the provider.
 */
export function checkRepositoryFileArgs(name: string, args: RepositoryFileArgs): void {
  const fail = (problem: string): never => {
    throw invalidArgs("gitlab.RepositoryFile", name, problem);
  };

  const encoding = plainValue(args.encoding);
  if (typeof encoding === "string" && !isOneOf(encoding, REPOSITORY_FILE_ENCODINGS)) {
    fail(
      `encoding must be one of ${REPOSITORY_FILE_ENCODINGS.join(", ")} (case-sensitive), got "${encoding}"`,
    );
  }

  const filePath = plainValue(args.filePath);
  if (typeof filePath === "string" && (filePath.startsWith("/") || filePath.startsWith("./"))) {
    fail(
      `filePath must be relative to the repository root, without a leading "/" or "./", got "${filePath}"`,
    );
  }

  const specific = SPECIFIC_MESSAGES.map((field) => [field, plainValue(args[field])] as const);
  if (specific.some(([, value]) => value === NOT_YET_KNOWN)) return;
  const set = specific.filter(([, value]) => value !== undefined).map(([field]) => field);
  const commitMessage = plainValue(args.commitMessage);
  if (set.length > 0 && commitMessage !== undefined) {
    fail(`commitMessage conflicts with ${set.join(", ")}: set one message, or the three specific ones`);
  }
  if (set.length > 0 && set.length < SPECIFIC_MESSAGES.length) {
    fail(`${SPECIFIC_MESSAGES.join(", ")} must be set together, got only ${set.join(", ")}`);
  }
}
