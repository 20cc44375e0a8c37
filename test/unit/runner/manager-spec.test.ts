import { strict as assert } from "node:assert";
import { execFileSync } from "node:child_process";
import { PREPARE_CONFIG_SCRIPT, systemIdFor, terminationGracePeriod } from "../../../components/runner";
import { dockerConfigJson } from "../../../components/runner";

describe("runner manager identity and shutdown", () => {
  it("two replicas get distinct system ids, each stable across restarts", () => {
    const a = systemIdFor("gitlab-runner", "k8s-runner-0");
    const b = systemIdFor("gitlab-runner", "k8s-runner-1");
    assert.notEqual(a, b);
    assert.equal(systemIdFor("gitlab-runner", "k8s-runner-0"), a);
    assert.match(a, /^s_[0-9a-f]{12}$/);
  });

  it("the init script writes the same system id as systemIdFor, and links config.toml", function () {
    const dir = execFileSync("mktemp", ["-d"], { encoding: "utf8" }).trim();
    const script = PREPARE_CONFIG_SCRIPT.replaceAll(
      "/etc/gitlab-runner-template",
      `${dir}/template`,
    ).replaceAll("/etc/gitlab-runner", dir);
    execFileSync("sh", ["-c", script], {
      env: { ...process.env, POD_NAME: "k8s-runner-1", POD_NAMESPACE: "gitlab-runner" },
    });
    const written = execFileSync("cat", [`${dir}/.runner_system_id`], { encoding: "utf8" });
    assert.equal(written, systemIdFor("gitlab-runner", "k8s-runner-1"));
    assert.equal(
      execFileSync("readlink", [`${dir}/config.toml`], { encoding: "utf8" }).trim(),
      `${dir}/template/config.toml`,
    );
  });

  it("grace period is the longest job plus shutdown time plus a margin", () => {
    assert.ok(terminationGracePeriod(600) > 600);
    assert.equal(terminationGracePeriod(7200) - terminationGracePeriod(3600), 3600);
  });

  it("dockerconfigjson has the auth field kubectl writes", () => {
    const doc = JSON.parse(dockerConfigJson("harbor.example.com", "robot$ci", "p@ss"));
    assert.equal(doc.auths["harbor.example.com"].auth, Buffer.from("robot$ci:p@ss").toString("base64"));
  });
});
