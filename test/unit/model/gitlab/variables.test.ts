import { strict as assert } from "node:assert";
import { checkVariables, maskingProblems, type VariableSpec } from "../../../../model/gitlab";

function spec(overrides: Partial<VariableSpec> = {}): VariableSpec {
  return {
    owner: { kind: "project", path: "platform/shop" },
    key: "SONAR_TOKEN",
    masked: true,
    hidden: true,
    protected: true,
    variableType: "env_var",
    environmentScope: "*",
    raw: false,
    credential: true,
    ...overrides,
  };
}

const at = (s: VariableSpec, value?: string, path = "variables[0]") => ({ path, spec: s, value });

describe("GitLab's masking rules", () => {
  it("accept one line of 8+ characters from the Base64 alphabet and @ : . ~", () => {
    for (const value of [
      "abcdefgh",
      "glpat-AbC_123456",
      "dXNlcjpwYXNz==",
      "user@host:8080.x~y",
      "a+b/c=de",
    ]) {
      assert.deepEqual(maskingProblems(value, false), [], value);
    }
  });

  it("refuse a value shorter than 8 characters, on several lines, or with spaces", () => {
    assert.match(maskingProblems("short", false).join(), /shorter than 8/);
    assert.match(maskingProblems("line-one\nline-two", false).join(), /several lines/);
    assert.match(maskingProblems("has a space", false).join(), /whitespace/);
  });

  it("refuse characters outside the alphabet in an expanded value, and name them", () => {
    const reasons = maskingProblems("robot$ci-dev!", false).join();
    assert.match(reasons, /cannot mask in an expanded variable \(\$ !\)/);
  });

  it("accept any character but whitespace in a raw value", () => {
    assert.deepEqual(maskingProblems("robot$ci-dev!", true), []);
    assert.notDeepEqual(maskingProblems("robot $ci", true), []);
  });
});

describe("checkVariables", () => {
  it("passes a masked, hidden, protected credential", () => {
    assert.deepEqual(checkVariables([at(spec(), "s3cr3t-value")], "prod"), { errors: [], warnings: [] });
  });

  it("names a key GitLab refuses, with the format as the fix", () => {
    const { errors } = checkVariables([at(spec({ key: "SONAR-TOKEN" }))], "dev");
    assert.equal(errors[0].path, "variables[0].key");
    assert.match(errors[0].fix ?? "", /letters, digits and underscores/);
  });

  it("refuses hidden without masked", () => {
    const { errors } = checkVariables([at(spec({ masked: false, hidden: true, credential: false }))], "dev");
    assert.deepEqual(
      errors.map((e) => e.path),
      ["variables[0].hidden"],
    );
  });

  it("refuses a masked value GitLab cannot mask, and checks nothing it cannot see", () => {
    assert.match(checkVariables([at(spec(), "short")], "dev").errors[0].reason, /cannot be masked/);
    assert.deepEqual(checkVariables([at(spec(), undefined)], "dev").errors, []);
  });

  it("refuses the same owner, key and scope twice, naming the first", () => {
    const { errors } = checkVariables([at(spec(), "abcdefgh", "a"), at(spec(), "abcdefgh", "b")], "dev");
    assert.equal(errors.length, 1);
    assert.equal(errors[0].path, "b");
    assert.match(errors[0].reason, /as a does/);
  });

  it("lets the same key live in two scopes or two owners", () => {
    const other = spec({ owner: { kind: "group", path: "platform" } });
    const scoped = spec({ environmentScope: "production" });
    assert.deepEqual(checkVariables([at(spec()), at(other), at(scoped)], "prod").errors, []);
  });

  it("refuses an unmasked or unprotected credential in prod and warns about it in dev", () => {
    const open = spec({ masked: false, hidden: false, protected: false });
    const prod = checkVariables([at(open)], "prod");
    assert.match(prod.errors[0].reason, /not masked and protected/);
    const dev = checkVariables([at(open)], "dev");
    assert.deepEqual(dev.errors, []);
    assert.match(dev.warnings[0].fix ?? "", /masked: true and protected: true/);
  });

  it("requires a kubeconfig only to be protected, as it spans lines and cannot be masked", () => {
    const kubeconfig = spec({ key: "KUBECONFIG", masked: false, hidden: false, kubeconfig: true });
    assert.deepEqual(checkVariables([at(kubeconfig)], "prod").errors, []);
    const unprotected = { ...kubeconfig, protected: false };
    assert.match(checkVariables([at(unprotected)], "prod").errors[0].reason, /not protected$/);
  });
});
