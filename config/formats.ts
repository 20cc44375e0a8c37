import { z } from "../model/zod";

/** String formats of the stack configuration, each with the message a user sees when a value does not fit. */

/** A Kubernetes namespace name (a DNS label of up to 63 characters). */
export const namespaceName = z.string().regex(/^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/, {
  message: "must be a DNS label: lower-case letters, digits and '-', at most 63 characters",
});

/** An http(s) URL of the GitLab instance itself (a relative URL root is fine; the API path is not). */
export const gitlabUrl = z
  .url({ protocol: /^https?$/, message: "must be an http(s) URL such as https://gitlab.example.com" })
  .refine((url) => !/\/api\/v4\/?$/.test(url), {
    message: "is the API URL",
    params: { fix: "give the instance URL without /api/v4 (the platform adds it)" },
  });

/** A container image repository without a tag or digest (the platform adds the pinned tag). */
export const imageRepository = z
  .string()
  .min(1)
  .refine((repo) => !/[@]/.test(repo) && !/:[^/]*$/.test(repo), {
    message: "must be a repository without a tag or digest (set the version in runnerImage.version)",
  });

/** Why `name` is not a branch name git accepts (`git check-ref-format --branch`), or undefined when it is. */
export function branchNameProblem(name: string): string | undefined {
  if (name === "" || name === "HEAD") return "is empty or HEAD";
  if (name.startsWith("-")) return "starts with '-'";
  // eslint-disable-next-line no-control-regex -- control characters are exactly what git refuses
  if (/[\x00-\x20\x7f~^:?*[\\]/.test(name)) {
    return "contains a space, a control character or one of ~ ^ : ? * [ \\";
  }
  if (name.includes("..")) return "contains '..'";
  if (name.includes("@{")) return "contains '@{'";
  if (name.startsWith("/") || name.endsWith("/") || name.includes("//")) {
    return "starts or ends with '/' or contains '//'";
  }
  if (name.endsWith(".")) return "ends with '.'";
  if (name.split("/").some((part) => part.startsWith(".") || part.endsWith(".lock"))) {
    return "has a part that starts with '.' or ends with '.lock'";
  }
  return undefined;
}

/** A git branch name, checked by git's own rules; the message names the rule it breaks. */
export const branchName = z.string().superRefine((name, ctx) => {
  const problem = branchNameProblem(name);
  if (problem) {
    ctx.addIssue({
      code: "custom",
      message: `${JSON.stringify(name)} is not a branch name git accepts: it ${problem}`,
      params: { fix: "use a name `git check-ref-format --branch` accepts, e.g. main or release/1.x" },
    });
  }
});
