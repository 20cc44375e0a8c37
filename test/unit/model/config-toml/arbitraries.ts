import fc from "fast-check";
import type { KubernetesSettings, RunnerConfig, RunnerEntry } from "../../../../model/config-toml";

/** Characters that stress TOML string writing: quotes, backslashes, newlines, tabs, control and non-ASCII. */
const textUnit = fc.constantFrom(
  "a",
  "Z",
  "0",
  " ",
  "-",
  "/",
  '"',
  "'",
  "\\",
  "\n",
  "\t",
  "\u0001",
  "\u007f",
  "é",
  "域",
  "$",
  "{",
  "}",
);
const text = fc.string({ unit: textUnit, maxLength: 24 });
const word = fc.string({
  unit: fc.constantFrom(..."abcdefghijklmnopqrstuvwxyz0123456789-"),
  minLength: 1,
  maxLength: 12,
});
const mapKey = fc.string({ unit: fc.constantFrom(..."abcz019./-_ ="), minLength: 1, maxLength: 16 });
const stringMap = fc.dictionary(mapKey, text, { minKeys: 1, maxKeys: 3 });
const words = fc.array(word, { maxLength: 3 });

const quantity = fc
  .tuple(fc.integer({ min: 0, max: 4096 }), fc.constantFrom("", "m", "Mi", "Gi", "k", ".5"))
  .map(([n, suffix]) => `${n}${suffix}`);
const duration = fc.constantFrom("0", "30s", "1h30m", "1.5h", "250ms");
const seconds = fc.integer({ min: 1, max: 100000 });

const volumeBase = { name: word, mountPath: word.map((w) => `/${w}`) };
const volumes = fc.record(
  {
    pvc: fc.array(
      fc.record({ ...volumeBase, readOnly: fc.boolean() }, { requiredKeys: ["name", "mountPath"] }),
      { maxLength: 2 },
    ),
    hostPath: fc.array(
      fc.record({ ...volumeBase, hostPath: word }, { requiredKeys: ["name", "mountPath"] }),
      { maxLength: 2 },
    ),
    secret: fc.array(
      fc.record({ ...volumeBase, items: stringMap }, { requiredKeys: ["name", "mountPath"] }),
      { maxLength: 2 },
    ),
    emptyDir: fc.array(
      fc.record(
        { ...volumeBase, medium: fc.constantFrom("", "Memory"), sizeLimit: quantity },
        { requiredKeys: ["name", "mountPath"] },
      ),
      { maxLength: 1 },
    ),
    nfs: fc.array(fc.record({ ...volumeBase, server: word, path: word.map((w) => `/${w}`) }), {
      maxLength: 1,
    }),
  },
  { requiredKeys: ["pvc"] },
);

const requirement = fc.oneof(
  fc.record({
    key: word,
    operator: fc.constantFrom("In" as const, "NotIn" as const),
    values: fc.array(word, { minLength: 1, maxLength: 2 }),
  }),
  fc.record({ key: word, operator: fc.constantFrom("Exists" as const, "DoesNotExist" as const) }),
);
const podAffinityTerm = fc.record(
  { topologyKey: word, labelSelector: fc.record({ matchLabels: stringMap }), namespaces: words },
  { requiredKeys: ["topologyKey"] },
);
const affinity = fc.record(
  {
    nodeAffinity: fc.record({
      requiredDuringSchedulingIgnoredDuringExecution: fc.record({
        nodeSelectorTerms: fc.array(
          fc.record({ matchExpressions: fc.array(requirement, { minLength: 1, maxLength: 2 }) }),
          {
            minLength: 1,
            maxLength: 2,
          },
        ),
      }),
    }),
    podAntiAffinity: fc.record({
      requiredDuringSchedulingIgnoredDuringExecution: fc.array(podAffinityTerm, {
        minLength: 1,
        maxLength: 2,
      }),
      preferredDuringSchedulingIgnoredDuringExecution: fc.array(
        fc.record({ weight: fc.integer({ min: 1, max: 100 }), podAffinityTerm }),
        { maxLength: 1 },
      ),
    }),
  },
  { requiredKeys: ["nodeAffinity"] },
);

const kubernetes: fc.Arbitrary<KubernetesSettings> = fc.record(
  {
    namespace: word,
    image: text,
    cpuLimit: quantity,
    memoryRequest: quantity,
    helperMemoryLimit: quantity,
    privileged: fc.boolean(),
    pullPolicy: fc.oneof(
      fc.constantFrom("always" as const, "never" as const, "if-not-present" as const),
      fc.array(fc.constantFrom("always" as const, "if-not-present" as const), { maxLength: 2 }),
    ),
    pollTimeout: seconds,
    cleanupResourcesTimeout: duration,
    nodeSelector: stringMap,
    nodeTolerations: fc.dictionary(
      word.map((w) => `${w}=v`),
      fc.constantFrom("NoSchedule" as const, "NoExecute" as const),
      {
        minKeys: 1,
        maxKeys: 2,
      },
    ),
    podAnnotations: stringMap,
    capAdd: words,
    hostAliases: fc.array(
      fc.record({ ip: word, hostnames: fc.array(word, { minLength: 1, maxLength: 2 }) }),
      { maxLength: 2 },
    ),
    volumes,
    affinity,
    buildContainerSecurityContext: fc.record(
      {
        runAsUser: fc.nat(70000),
        capabilities: fc.record({ add: words, drop: words }, { requiredKeys: ["add"] }),
      },
      { requiredKeys: ["capabilities"] },
    ),
    podSpec: fc.array(
      fc.record({ name: word, patch: text, patchType: fc.constantFrom("merge" as const, "json" as const) }),
      {
        maxLength: 2,
      },
    ),
  },
  { requiredKeys: ["namespace"] },
);

const runner: fc.Arbitrary<RunnerEntry> = fc.record(
  {
    name: text,
    url: fc.constantFrom("https://gitlab.example.com", "http://192.168.31.3:83/"),
    token: fc.constantFrom("${RUNNER_TOKEN}", "${TOKEN_2}"),
    executor: fc.constant("kubernetes" as const),
    outputLimit: fc.nat(1 << 20),
    environment: fc.array(text, { maxLength: 3 }),
    preBuildScript: text,
    tlsCaFile: word,
    featureFlags: fc.dictionary(
      fc.string({ unit: fc.constantFrom(..."ABCXYZ_09"), minLength: 1, maxLength: 10 }).map((s) => `FF_${s}`),
      fc.boolean(),
      { minKeys: 1, maxKeys: 2 },
    ),
    cache: fc.record(
      {
        type: fc.constantFrom("s3" as const, "gcs" as const),
        shared: fc.boolean(),
        s3: fc.record(
          { bucketName: word, authenticationType: fc.constant("iam" as const) },
          { requiredKeys: ["bucketName"] },
        ),
      },
      { requiredKeys: ["type"] },
    ),
    kubernetes,
  },
  { requiredKeys: ["url", "token", "executor"] },
);

export const runnerConfigArbitrary: fc.Arbitrary<RunnerConfig> = fc.record(
  {
    concurrent: fc.nat(1000),
    checkInterval: fc.nat(60),
    logLevel: fc.constantFrom("info" as const, "debug" as const, "warn" as const),
    sessionServer: fc.record({ sessionTimeout: seconds }),
    runners: fc.array(runner, { maxLength: 2 }),
  },
  { requiredKeys: ["runners"] },
);
