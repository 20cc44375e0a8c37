import { REPOSITORY_FILE_ENCODINGS } from "./enums";
import { invalidArgs, isOneOf, NOT_YET_KNOWN, plainValue } from "./plain-input";
import type { RepositoryFileArgs } from "./repository-file";

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
