import { strict as assert } from "node:assert";
import { parse as parseToml } from "@iarna/toml";
import { parse } from "yaml";
import { runSynth, synthOnce } from "../helpers/synth";

interface ExportedResource {
  type: string;
  inputs: Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- exported inputs are free-form
  protect?: boolean;
  retainOnDelete?: boolean;
  provider?: string;
}

function resources(stack: string): ExportedResource[] {
  return exported(synthOnce(stack).files);
}

function exported(files: Map<string, string>): ExportedResource[] {
  return JSON.parse(files.get("stack.json")!).deployment.resources as ExportedResource[];
}

const ROLE = "acs:ram::123456789012:role/gitlab-ci-platform-deployer";

const ofType = (stack: string, type: string) => resources(stack).filter((r) => r.type === type);

describe("the prod stack on ACK Serverless, dev on its existing cluster", function () {
  this.timeout(60000);

  it("prod creates the network, the cluster, both caches and the image cache", () => {
    for (const type of [
      "alicloud:vpc/network:Network",
      "alicloud:vpc/natGateway:NatGateway",
      "alicloud:ecs/eipAddress:EipAddress",
      "alicloud:cs/serverlessKubernetes:ServerlessKubernetes",
      "alicloud:nas/fileSystem:FileSystem",
      "alicloud:nas/mountTarget:MountTarget",
      "alicloud:oss/bucket:Bucket",
      "alicloud:ram/accessKey:AccessKey",
      "alicloud:eci/imageCache:ImageCache",
    ]) {
      assert.equal(ofType("prod", type).length, 1, type);
    }
    assert.equal(ofType("prod", "alicloud:vpc/switch:Switch").length, 2);
    const [cluster] = ofType("prod", "alicloud:cs/serverlessKubernetes:ServerlessKubernetes");
    assert.equal(cluster.inputs.deletionProtection, true);
    assert.equal(cluster.inputs.version, "1.36.1-aliyun.1", "prod pins its Kubernetes version");
  });

  it("prod's alicloud provider assumes the stack's role (the cluster's creator) from its own credential", () => {
    const [provider] = ofType("prod", "pulumi:providers:alicloud");
    // A provider's nested inputs reach the engine as JSON text.
    assert.deepEqual(JSON.parse(provider.inputs.assumeRole), {
      roleArn: ROLE,
      sessionName: "gitlab-ci-platform-prod",
    });
    assert.equal(provider.inputs.region, "cn-hangzhou");
  });

  it("with the pipeline's OIDC variables, the same role is reached with the GitLab ID token", () => {
    const oidc = {
      ALIBABA_CLOUD_OIDC_PROVIDER_ARN: "acs:ram::123456789012:oidc-provider/gitlab",
      ALIBABA_CLOUD_OIDC_TOKEN_FILE: "/tmp/alibaba-cloud-oidc-token",
    };
    const run = runSynth("prod", undefined, [], oidc);
    assert.equal(run.status, 0, run.stderr);
    const provider = exported(run.files).find((r) => r.type === "pulumi:providers:alicloud")!;
    assert.equal(provider.inputs.assumeRole, undefined);
    assert.deepEqual(JSON.parse(provider.inputs.assumeRoleWithOidc), {
      roleArn: ROLE,
      roleSessionName: "gitlab-ci-platform-prod",
      oidcProviderArn: oidc.ALIBABA_CLOUD_OIDC_PROVIDER_ARN,
      oidcTokenFile: oidc.ALIBABA_CLOUD_OIDC_TOKEN_FILE,
    });
  });

  it("a role in the environment that is not the stack's stops the run before any resource (exit 2)", () => {
    const run = runSynth("prod", undefined, [], { ALIBABA_CLOUD_ROLE_ARN: "acs:ram::1:role/someone-else" });
    assert.equal(run.status, 2, run.stderr);
    assert.match(run.stderr, /ALIBABA_CLOUD_ROLE_ARN \(environment\): names acs:ram::1:role\/someone-else/);
    assert.equal(run.files.size, 0);
  });

  it("prod's Kubernetes objects are created through the ACK cluster's provider", () => {
    const [provider] = ofType("prod", "pulumi:providers:kubernetes");
    assert.equal(provider.inputs.clusterIdentifier, "cluster-ack-id");
    const statefulSets = ofType("prod", "kubernetes:apps/v1:StatefulSet");
    assert.ok(statefulSets.every((s) => s.provider?.includes("::cluster-k8s::")));
  });

  it("prod's NAS file system is created in the zone of the vSwitch its mount target uses", () => {
    const [fs] = ofType("prod", "alicloud:nas/fileSystem:FileSystem");
    assert.equal(fs.inputs.zoneId, "cn-hangzhou-i");
    assert.equal(
      ofType("prod", "alicloud:nas/mountTarget:MountTarget")[0].inputs.vswitchId,
      "cluster-network-vsw-cn-hangzhou-i-id",
    );
  });

  it("prod's stateful storage is protected", () => {
    for (const type of ["alicloud:nas/fileSystem:FileSystem", "kubernetes:core/v1:PersistentVolume"]) {
      const [r] = ofType("prod", type);
      assert.ok(r.protect && r.retainOnDelete, `${type} is protected and retained on delete`);
    }
    assert.ok(ofType("prod", "alicloud:oss/bucket:Bucket")[0].protect);
  });

  it("prod's image cache holds the runner and helper at the pinned version and the fleets' job images", () => {
    const images = ofType("prod", "alicloud:eci/imageCache:ImageCache")[0].inputs.images as string[];
    assert.deepEqual(images, [
      "alpine:3.20",
      "gcr.io/kaniko-project/executor:v1.23.2-debug",
      "registry.gitlab.com/gitlab-org/gitlab-runner/gitlab-runner-helper:x86_64-v19.3.0",
      "registry.gitlab.com/gitlab-org/gitlab-runner:alpine-v19.3.0",
    ]);
  });

  it("prod's image cache gets no registry credential: none of its images is on the stack's registry", () => {
    const [cache] = ofType("prod", "alicloud:eci/imageCache:ImageCache");
    assert.equal(cache.inputs.imageRegistryCredentials, undefined);
  });

  it("prod's fleets fill the ECI shapes they are billed as and start cached images without pulling", () => {
    const run = synthOnce("prod");
    assert.doesNotMatch(run.stderr, /billed by ECI|pullPolicy starts with always/);
    const k8s = parseToml(run.files.get("runner/k8s.config.toml")!) as any; // eslint-disable-line @typescript-eslint/no-explicit-any -- parsed TOML
    assert.deepEqual(k8s.runners[0].kubernetes.pull_policy, ["if-not-present"]);
  });

  it("prod's job pods and managers ask ECI for the image cache; jobs pull the cached helper", () => {
    const run = synthOnce("prod");
    for (const fleet of ["k8s", "kaniko", "deploy"]) {
      const toml = parseToml(run.files.get(`runner/${fleet}.config.toml`)!) as any; // eslint-disable-line @typescript-eslint/no-explicit-any -- parsed TOML
      const k = toml.runners[0].kubernetes;
      assert.equal(k.pod_annotations["k8s.aliyun.com/eci-auto-imc"], "true", fleet);
      assert.match(k.helper_image, /gitlab-runner-helper:x86_64-v19\.3\.0$/);
      const sts = parse(run.files.get(`k8s/gitlab-runner/statefulset-${fleet}-runner.yaml`)!);
      assert.equal(sts.spec.template.metadata.annotations["k8s.aliyun.com/eci-auto-imc"], "true");
    }
  });

  it("prod's NAS fleet mounts its claim, bound by volumeName to an NFS volume, and the OSS fleet caches in the bucket", () => {
    const run = synthOnce("prod");
    const pv = parse(run.files.get("k8s/_cluster/persistentvolume-ci-prod-build-kaniko-cache.yaml")!);
    const pvc = parse(run.files.get("k8s/ci-prod-build/persistentvolumeclaim-kaniko-cache.yaml")!);
    assert.equal(pvc.spec.volumeName, pv.metadata.name);
    assert.deepEqual(pv.spec.claimRef, { name: "kaniko-cache", namespace: "ci-prod-build" });
    assert.ok(pv.spec.nfs.server);
    const kaniko = parseToml(run.files.get("runner/kaniko.config.toml")!) as any; // eslint-disable-line @typescript-eslint/no-explicit-any -- parsed TOML
    assert.ok(
      kaniko.runners[0].kubernetes.volumes.pvc.some(
        (v: { name: string; mount_path: string }) => v.name === "kaniko-cache" && v.mount_path === "/cache",
      ),
    );
    const k8s = parseToml(run.files.get("runner/k8s.config.toml")!) as any; // eslint-disable-line @typescript-eslint/no-explicit-any -- parsed TOML
    assert.deepEqual(
      [
        k8s.runners[0].cache.s3.ServerAddress,
        k8s.runners[0].cache.s3.BucketName,
        k8s.runners[0].cache.s3.BucketLocation,
      ],
      ["oss-cn-hangzhou-internal.aliyuncs.com", "gitlab-ci-cache-prod", "cn-hangzhou"],
    );
    assert.ok(
      run.files.has("k8s/gitlab-runner/secret-k8s-cache-s3.yaml"),
      "the RAM key reaches the manager as a Secret",
    );
  });

  it("dev stays on its existing cluster: no cloud resource, no ECI annotation", () => {
    assert.equal(resources("dev").filter((r) => r.type.startsWith("alicloud:")).length, 0);
    assert.ok(!synthOnce("dev").files.get("runner/k8s.config.toml")!.includes("eci-auto-imc"));
  });
});
