import { strict as assert } from "node:assert";
import { parse as parseToml } from "@iarna/toml";
import { RunnerFleet } from "../../../components/runner";
import { MANAGER_COMMAND, readinessCommand, terminationGracePeriod } from "../../../model/fleet";
import { Provider } from "../../../components/gitlab/bindings";
import { gitlabProvider } from "../../../components/gitlab/gitlab-provider";
import type { RecordedResource } from "../../../tools/synth/engine";
import { isSecretValue } from "../../../tools/synth/engine";
import { fleetArgs, fleetConfig } from "../../helpers/fleet";
import { ofType, one, recordResources, inputs, type Inputs } from "../../helpers/run-component";
import type { RunnerFleetArgs } from "../../../components/runner";

const T = {
  runner: "gitlab:index/userRunner:UserRunner",
  configMap: "kubernetes:core/v1:ConfigMap",
  secret: "kubernetes:core/v1:Secret",
  statefulSet: "kubernetes:apps/v1:StatefulSet",
  role: "kubernetes:rbac.authorization.k8s.io/v1:Role",
  binding: "kubernetes:rbac.authorization.k8s.io/v1:RoleBinding",
  sa: "kubernetes:core/v1:ServiceAccount",
  pdb: "kubernetes:policy/v1:PodDisruptionBudget",
  service: "kubernetes:core/v1:Service",
};

async function fleetResources(
  fleetValues: Record<string, unknown> = {},
  extra: Partial<RunnerFleetArgs> = {},
) {
  return recordResources(() => {
    const provider: Provider = gitlabProvider("gitlab", {
      url: "https://gitlab.example.com",
      token: "glpat-x",
    });
    const fleet = fleetConfig(fleetValues);
    new RunnerFleet(fleet.name, fleetArgs(fleet, extra), { provider });
  });
}

const podTemplate = (rs: RecordedResource[]) => inputs(one(rs, T.statefulSet)).spec.template;
const configToml = (rs: RecordedResource[]) =>
  inputs(one(rs, T.configMap, "k8s-config")).data["config.toml"] as string;

describe("RunnerFleet", function () {
  this.timeout(20000);
  let rs: RecordedResource[];
  before(async () => {
    rs = await fleetResources();
  });

  it("creates the runner in GitLab with the provider's exact type, pinned to plugin 10.1.1, token secret", () => {
    const runner = one(rs, T.runner);
    assert.equal(runner.options.version, "10.1.1");
    assert.deepEqual(runner.options.additionalSecretOutputs, ["token"]);
    assert.ok(isSecretValue(runner.outputs.token));
    assert.equal(inputs(runner).runnerType, "group_type");
    assert.equal(typeof inputs(runner).groupId, "number");
    assert.equal(inputs(runner).accessLevel, "not_protected");
  });

  it("creates the runner with the GitLab provider given in the fleet's resource options", () => {
    assert.match(one(rs, T.runner).provider ?? "", /\$pulumi:providers:gitlab::gitlab::/);
  });

  it("the token never appears in a ConfigMap, a label, an annotation or a plain output", () => {
    const token = (one(rs, T.runner).outputs.token as { value: string }).value;
    assert.match(token, /^glrt-/);
    for (const r of rs) {
      if (r.type === T.runner) continue;
      const plain = JSON.stringify(r.inputs, (_k, v) => (isSecretValue(v) ? "[secret]" : v));
      assert.ok(!plain.includes(token), `${r.type} ${r.name} shows the token`);
      const outs = JSON.stringify(r.outputs, (_k, v) => (isSecretValue(v) ? "[secret]" : v));
      assert.ok(!outs.includes(token), `${r.type} ${r.name} outputs show the token`);
    }
  });

  it("puts the token in a Secret and hands it to the manager as an environment variable", () => {
    const secret = one(rs, T.secret, "k8s-token");
    assert.ok(isSecretValue(inputs(secret).stringData), "the Secret's stringData is a secret");
    const env = podTemplate(rs).spec.containers[0].env as Inputs[];
    const tokenEnv = env.find((e) => e.name === "RUNNER_TOKEN");
    assert.deepEqual(tokenEnv?.valueFrom, {
      secretKeyRef: { name: "k8s-runner-token", key: "runner-token" },
    });
    assert.match(configToml(rs), /^\s*token = "\$\{RUNNER_TOKEN\}"$/m);
  });

  it("the runner Role grants nothing outside GitLab's table for the attach strategy", () => {
    const allowed: Record<string, string[]> = {
      events: ["list", "watch"],
      pods: ["create", "delete", "get", "list", "watch"],
      "pods/attach": ["create", "delete", "get", "patch"],
      "pods/exec": ["create", "delete", "get", "patch"],
      "pods/log": ["get", "list"],
      secrets: ["create", "delete", "get", "update"],
      serviceaccounts: ["get"],
      services: ["create", "get"],
    };
    const role = one(rs, T.role);
    assert.equal(inputs(role).metadata.namespace, "gitlab-ci-jobs");
    for (const rule of inputs(role).rules as Inputs[]) {
      assert.deepEqual(rule.apiGroups, [""]);
      for (const resource of rule.resources as string[]) {
        assert.ok(allowed[resource], `unexpected resource ${resource}`);
        for (const verb of rule.verbs as string[])
          assert.ok(allowed[resource].includes(verb), `${resource}: ${verb}`);
      }
    }
    assert.equal(ofType(rs, "kubernetes:rbac.authorization.k8s.io/v1:ClusterRole").length, 0);
    assert.equal(ofType(rs, "kubernetes:rbac.authorization.k8s.io/v1:ClusterRoleBinding").length, 0);
  });

  it("binds the Role in the job namespace to the manager's ServiceAccount in the manager namespace", () => {
    const binding = inputs(one(rs, T.binding));
    assert.equal(binding.metadata.namespace, "gitlab-ci-jobs");
    assert.deepEqual(binding.subjects, [
      { kind: "ServiceAccount", name: "k8s-runner", namespace: "gitlab-runner" },
    ]);
  });

  it("grants exec-strategy rights only when the legacy execution flag is set", async () => {
    const legacy = await fleetResources({
      featureFlags: { FF_USE_LEGACY_KUBERNETES_EXECUTION_STRATEGY: true },
    });
    const resources = (inputs(one(legacy, T.role)).rules as Inputs[]).flatMap((r) => r.resources);
    assert.ok(!resources.includes("pods/attach"));
    const defaults = (inputs(one(rs, T.role)).rules as Inputs[]).flatMap((r) => r.resources);
    assert.ok(defaults.includes("pods/attach"));
  });

  it("grace period covers the maximum job timeout, and shutdown_timeout fits inside it", () => {
    const grace = podTemplate(rs).spec.terminationGracePeriodSeconds as number;
    const shutdown = Number(parseToml(configToml(rs)).shutdown_timeout);
    assert.ok(grace >= 3600 + shutdown, `grace ${grace}`);
    assert.equal(grace, terminationGracePeriod(3600));
  });

  it("stops the runner gracefully: its entrypoint turns SIGTERM into SIGQUIT, with no preStop hook to be killed", () => {
    const container = podTemplate(rs).spec.containers[0];
    assert.deepEqual(container.command, MANAGER_COMMAND);
    assert.equal(container.lifecycle, undefined);
  });

  it("is ready only with a runner token (the probe checks RUNNER_TOKEN and the runner process)", () => {
    const container = podTemplate(rs).spec.containers[0];
    assert.deepEqual(container.readinessProbe.exec.command, readinessCommand());
    assert.ok(container.env.some((e: Inputs) => e.name === "RUNNER_TOKEN"));
  });

  it("a config.toml-only change leaves the pod template unchanged", async () => {
    const changed = await fleetResources({ kubernetes: { cpuLimit: "3" } });
    assert.notEqual(configToml(changed), configToml(rs));
    assert.deepEqual(podTemplate(changed), podTemplate(rs));
  });

  it("an image change rolls the pods", async () => {
    const upgraded = await fleetResources(
      {},
      { runnerImage: { repository: "registry.gitlab.com/gitlab-org/gitlab-runner", version: "v19.4.0" } },
    );
    assert.notDeepEqual(podTemplate(upgraded), podTemplate(rs));
  });

  it("mounts config.toml as a whole ConfigMap directory (no subPath) into a writable config directory", () => {
    const spec = podTemplate(rs).spec;
    for (const c of [...spec.containers, ...spec.initContainers]) {
      for (const m of c.volumeMounts as Inputs[]) assert.equal(m.subPath, undefined, `${c.name} ${m.name}`);
    }
    const volumes = Object.fromEntries((spec.volumes as Inputs[]).map((v) => [v.name, v]));
    assert.deepEqual(volumes["config-template"].configMap, { name: "k8s-runner-config" });
    assert.ok(volumes.config.emptyDir, "the config directory is writable");
  });

  it("meets Pod Security restricted: non-root, no escalation, drop ALL, RuntimeDefault seccomp, read-only root", () => {
    const spec = podTemplate(rs).spec;
    assert.equal(spec.securityContext.runAsNonRoot, true);
    assert.equal(spec.securityContext.seccompProfile.type, "RuntimeDefault");
    for (const c of [...spec.containers, ...spec.initContainers]) {
      assert.equal(c.securityContext.allowPrivilegeEscalation, false, c.name);
      assert.deepEqual(c.securityContext.capabilities.drop, ["ALL"], c.name);
      assert.equal(c.securityContext.readOnlyRootFilesystem, true, c.name);
      assert.match(c.image, /:alpine-v\d+\.\d+\.\d+$/, "a pinned image");
      assert.ok(c.resources.limits.memory, `${c.name} has a memory limit`);
    }
  });

  it("the manager is created after (and so deleted before) its RBAC, token Secret and config", () => {
    const annotations = inputs(one(rs, T.statefulSet)).metadata.annotations;
    assert.equal(
      annotations["pulumi.com/deletionPropagationPolicy"],
      "foreground",
      "deletion waits for drained pods",
    );
    const deps = new Set(one(rs, T.statefulSet).dependencies);
    for (const r of [
      one(rs, T.role),
      one(rs, T.binding),
      one(rs, T.sa, "k8s-manager-sa"),
      one(rs, T.secret, "k8s-token"),
    ]) {
      assert.ok(deps.has(r.urn), `StatefulSet does not depend on ${r.name}`);
    }
  });

  it("has a PDB that protects without blocking node drains, and a metrics Service", () => {
    const pdb = inputs(one(rs, T.pdb)).spec;
    assert.equal(pdb.maxUnavailable, 1);
    assert.equal(pdb.minAvailable, undefined);
    assert.equal(inputs(one(rs, T.service)).spec.ports[0].port, 9252);
    assert.match(configToml(rs), /^listen_address = ":9252"$/m);
  });

  it("admits nothing but metrics scrapes to the managers", () => {
    const policy = inputs(one(rs, "kubernetes:networking.k8s.io/v1:NetworkPolicy")).spec;
    assert.deepEqual(policy.policyTypes, ["Ingress"]);
    assert.deepEqual(policy.ingress, [{ ports: [{ port: 9252, protocol: "TCP" }] }]);
  });

  it("creates a ServiceMonitor only when the stack says Prometheus Operator is present", async () => {
    assert.equal(ofType(rs, "kubernetes:monitoring.coreos.com/v1:ServiceMonitor").length, 0);
    const withOperator = await fleetResources({}, { serviceMonitorLabels: { release: "kps" } });
    const monitor = one(withOperator, "kubernetes:monitoring.coreos.com/v1:ServiceMonitor");
    assert.equal(
      inputs(monitor).metadata.labels.release,
      "kps",
      "Prometheus selects it by its release label",
    );
  });

  it("gives job pods a ServiceAccount without an API token unless the fleet asks for one", async () => {
    assert.equal(inputs(one(rs, T.sa, "k8s-jobs-sa")).automountServiceAccountToken, false);
    const withToken = await fleetResources({ jobServiceAccountToken: true });
    assert.equal(inputs(one(withToken, T.sa, "k8s-jobs-sa")).automountServiceAccountToken, true);
  });

  it("protected fleets only run protected refs; token rotation replaces the runner", async () => {
    const prod = await fleetResources({ protected: true, tokenRotation: "2026-11" });
    assert.equal(inputs(one(prod, T.runner)).accessLevel, "ref_protected");
  });

  it("kaniko fleets mount the registry credential at /kaniko/.docker/config.json", async () => {
    const kaniko = await fleetResources({ kaniko: true });
    const secret = one(kaniko, T.secret, "k8s-registry");
    assert.equal(inputs(secret).type, "kubernetes.io/dockerconfigjson");
    assert.ok(isSecretValue(inputs(secret).stringData));
    const doc = parseToml(configToml(kaniko)) as Inputs;
    const mount = (doc.runners[0].kubernetes.volumes.secret as Inputs[]).find(
      (v) => v.mount_path === "/kaniko/.docker",
    );
    assert.deepEqual(mount?.items, { ".dockerconfigjson": "config.json" });
  });

  it("keeps S3 cache keys out of config.toml: a Secret gives them to the manager's S3 client as AWS_* variables", async () => {
    const s3 = await fleetResources(
      { cache: { type: "s3", serverAddress: "s3.example.com", bucketName: "cache" } },
      { credentials: { cacheS3AccessKey: "AKIAEXAMPLEKEY", cacheS3SecretKey: "super-secret-key" } },
    );
    const toml = configToml(s3);
    assert.doesNotMatch(toml, /AccessKey|SecretKey/);
    assert.match(toml, /Type = "s3v2"/);
    assert.match(toml, /AuthenticationType = "iam"/);
    assert.ok(!toml.includes("super-secret-key"));
    const env = podTemplate(s3).spec.containers[0].env as Inputs[];
    const secretEnv = env.find((e) => e.name === "AWS_SECRET_ACCESS_KEY");
    assert.deepEqual(secretEnv?.valueFrom, { secretKeyRef: { name: "k8s-cache-s3", key: "secretkey" } });
  });

  it("creates one builds claim per concurrent job for pvcPerJob", async () => {
    const builds = await fleetResources({
      concurrent: 3,
      builds: { type: "pvcPerJob", storageClass: "fast" },
    });
    const claims = ofType(builds, "kubernetes:core/v1:PersistentVolumeClaim").map(
      (r) => inputs(r).metadata.name,
    );
    assert.deepEqual(claims.sort(), ["k8s-builds-0", "k8s-builds-1", "k8s-builds-2"]);
    assert.match(configToml(builds), /name = "k8s-builds-\$CI_CONCURRENT_ID"/);
  });

  it("mounts the Git SSH key read-only as an ssh-auth Secret, with the final newline SSH needs", async () => {
    const ssh = await fleetResources(
      { gitSsh: true },
      {
        gitSsh: { knownHosts: "gitlab.example.com ssh-ed25519 AAAA" },
        credentials: {
          gitSshPrivateKey: "-----BEGIN OPENSSH PRIVATE KEY-----\nx\n-----END OPENSSH PRIVATE KEY-----",
        },
      },
    );
    const secret = one(ssh, T.secret, "k8s-git-ssh");
    assert.equal(inputs(secret).type, "kubernetes.io/ssh-auth");
    const data = (inputs(secret).stringData as { value: Record<string, string> }).value;
    assert.ok(data["ssh-privatekey"].endsWith("-----\n"));
    assert.match(configToml(ssh), /mount_path = "\/etc\/gitlab-ci\/git-ssh"/);
  });

  it("trusts a private GitLab CA through tls-ca-file and a mounted ConfigMap", async () => {
    const pem = "-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n";
    const withCa = await recordResources(() => {
      const provider = gitlabProvider("gitlab", {
        url: "https://gitlab.example.com",
        token: "t",
        caCert: pem,
      });
      const fleet = fleetConfig();
      const args = fleetArgs(fleet);
      new RunnerFleet(fleet.name, { ...args, gitlab: { ...args.gitlab, caCert: pem } }, { provider });
    });
    assert.match(configToml(withCa), /^\s*tls-ca-file = "\/etc\/gitlab-runner-ca\/ca\.crt"$/m);
    assert.equal(inputs(one(withCa, T.configMap, "k8s-gitlab-ca")).data["ca.crt"], pem);
  });
});
