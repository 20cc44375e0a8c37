/**
 * TEST FIXTURE — never part of the program. A stand-in for the Pulumi GitLab provider plugin
 * (`pulumi-resource-gitlab` 10.1.1, terraform-provider-gitlab 19.2.1), whose binary cannot be built or downloaded
 * where the engine tests run. The engine tests install it as that plugin (a small executable wrapper, see
 * test/engine/harness/gitlab-plugin.ts) so that `pulumi preview/up/refresh/destroy` run the program's GitLab side
 * through the real engine: every resource's and look-up's inputs are checked against the provider's schema
 * (../shared/reference/pulumi-gitlab.json: unknown property, missing required, wrong type, enum, secrets), and
 * the answers have the real provider's shape (IDs in its formats, the runner token a secret, look-up results),
 * kept in a file (GITLAB_DOUBLE_STATE) so that update, refresh and delete see what create made. It talks to no
 * GitLab.
 */
import { main } from "@pulumi/pulumi/provider";
import { GitLabDouble } from "./provider";
import { loadSchema } from "./schema";
import { Store } from "./store";

void main(new GitLabDouble(loadSchema(), Store.fromEnvironment()), process.argv.slice(2));
