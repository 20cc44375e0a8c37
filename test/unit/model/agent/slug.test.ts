import { strict as assert } from "node:assert";
import fc from "fast-check";
import { environmentSlug, slugSuffix } from "../../../../model/agent";

/** GitLab's own table (spec/lib/gitlab/slug/environment_spec.rb), where every name hashes to 'a' × 64. */
const GITLAB_SPEC: [string, string][] = [
  ["staging-12345678901234567", "staging-123456789-q517sa"],
  ["9-staging-123456789012345", "env-9-staging-123-q517sa"],
  ["staging-1234567890123456", "staging-1234567890123456"],
  ["staging-1234567890123456-", "staging-123456789-q517sa"],
  ["production", "production"],
  ["PRODUCTION", "production-q517sa"],
  ["review/1-foo", "review-1-foo-q517sa"],
  ["1-foo", "env-1-foo-q517sa"],
  ["1/foo", "env-1-foo-q517sa"],
  ["foo-", "foo"],
  ["foo--bar", "foo-bar-q517sa"],
  ["foo**bar", "foo-bar-q517sa"],
  ["*-foo", "env-foo-q517sa"],
  ["staging-12345678-", "staging-12345678"],
  ["staging-12345678-01234567", "staging-12345678-q517sa"],
  ["", "env-q517sa"],
];

/** Names of a-z, 0-9 and single '-' between them, starting with a letter, at most 20 characters. */
const slugLike = fc
  .tuple(
    fc.stringMatching(/^[a-z][a-z0-9]{0,3}$/),
    fc.array(fc.stringMatching(/^[a-z0-9]{1,3}$/), { maxLength: 4 }),
  )
  .map(([head, rest]) => [head, ...rest].join("-"));

describe("environmentSlug: GitLab's environment slug (CI_ENVIRONMENT_SLUG)", () => {
  it("the suffix of a hash of 'a' × 64 is q517sa, as GitLab's spec says", () => {
    assert.equal(slugSuffix("a".repeat(64)), "q517sa");
  });

  for (const [name, slug] of GITLAB_SPEC) {
    it(`${JSON.stringify(name)} → ${slug} (GitLab's spec)`, () => {
      assert.equal(
        environmentSlug(name, () => "a".repeat(64)),
        slug,
      );
    });
  }

  it("hashes the name with SHA-256 (suffixes computed independently with Python's integers)", () => {
    assert.equal(environmentSlug("review/feature-1"), "review-feature-1-1q251u");
    assert.equal(environmentSlug("Production"), "production-iis43c");
    assert.equal(environmentSlug("staging/eu-west"), "staging-eu-west-ledkya");
    assert.equal(environmentSlug("dev"), "dev");
  });

  it("every slug is at most 24 characters of a-z, 0-9 and '-', starts with a letter and does not end with '-'", () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (name) => {
        const slug = environmentSlug(name);
        assert.ok(slug.length <= 24, slug);
        assert.match(slug, /^[a-z][a-z0-9-]*$/);
        assert.ok(!slug.endsWith("-"), slug);
        assert.ok(!slug.includes("--"), slug);
      }),
    );
  });

  it("a name that is already a slug is its own slug", () => {
    fc.assert(
      fc.property(slugLike, (name) => {
        assert.equal(environmentSlug(name), name);
      }),
    );
  });
});
