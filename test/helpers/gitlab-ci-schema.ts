import { existsSync, readFileSync } from "node:fs";
import { join, resolve } from "node:path";
import Ajv, { type ValidateFunction } from "ajv";
import addFormats from "ajv-formats";

export const REFERENCE = resolve(__dirname, "../../../shared/reference");
const SCHEMA = join(REFERENCE, "gitlab-ci.schema.json");

/** GitLab's own `.gitlab-ci.yml` schema, compiled the way its reference README says; undefined where it is absent. */
export function gitlabCiValidator(): ValidateFunction | undefined {
  if (!existsSync(SCHEMA)) return undefined;
  const ajv = new Ajv({ strictTypes: false, strictTuples: false, allowMatchingProperties: true });
  ajv.addKeyword("markdownDescription");
  addFormats(ajv);
  return ajv.compile(JSON.parse(readFileSync(SCHEMA, "utf8")));
}

/** Skips the suite, with the reason, where the schema is absent. */
export function requireGitlabCiValidator(context: Mocha.Context): ValidateFunction {
  const validate = gitlabCiValidator();
  if (!validate) {
    console.log(`    skipped: ${SCHEMA} is absent (GitLab's CI schema lives there on CI and dev machines)`);
    context.skip();
  }
  return validate!;
}

/** ajv's errors, readable in an assertion message. */
export function schemaErrors(validate: ValidateFunction): string {
  return JSON.stringify(validate.errors, null, 2);
}
