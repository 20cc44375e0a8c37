import js from "@eslint/js";
import tseslint from "typescript-eslint";

/** The layers, lowest first: data flows one way, so a layer never imports one above it. */
const LAYER = {
  components: { group: ["**/components", "**/components/**"], message: "components sit above this layer" },
  config: { group: ["**/config", "**/config/**"], message: "config sits above this layer" },
  tools: { group: ["**/tools/**"], message: "tools sit at the top; nothing imports them" },
  policy: {
    // Not the SDKs' own modules: @pulumi/kubernetes/policy/v1 is a Kubernetes API group, not this project's pack.
    group: ["**/policy", "**/policy/**", "!@pulumi/**"],
    message: "the policy pack is its own package",
  },
  entry: { group: ["**/index", "../index", "../../index"], message: "only the Pulumi engine loads index.ts" },
  pulumi: {
    group: ["@pulumi/*"],
    allowTypeImports: true,
    message: "the pure layer declares no resources and reads no engine state (type imports are fine)",
  },
  // The pack reads the program's domain facts through policy/facts.ts alone.
  programOutsideFacts: {
    group: ["**/model", "**/model/**"],
    message: "the policy pack reads the program through policy/facts.ts only: export the fact there",
  },
  // The GitLab bindings are a package of their own, replaceable by @pulumi/gitlab: nothing from the program.
  outsideBindings: {
    regex: "^\\.\\./",
    message:
      "the GitLab bindings stand alone (a package replaceable by @pulumi/gitlab): import only their own files",
  },
  // A provider package's index loads every module it has (Helm and YAML support, hundreds of cloud services):
  // about 0.1 s at every start. Import the modules used instead (@pulumi/kubernetes/core/v1, @pulumi/alicloud/vpc).
  providerIndex: {
    regex: "^@pulumi/(kubernetes|alicloud)$",
    allowTypeImports: true,
    message: "import the provider's modules you use, not its index (it loads them all at every start)",
  },
};

/**
 * A switch is for a discriminated union and ends in `default: { const unhandled: never = <the union>; }`: a member
 * added later then fails to compile wherever it is not handled. Other values get a lookup table or an if.
 */
const EXHAUSTIVE_SWITCH = [
  {
    selector: "SwitchCase:last-child[test!=null]",
    message: "end the switch with default: { const unhandled: never = …; } (or use a lookup table or an if)",
  },
  {
    selector:
      'SwitchCase[test=null]:not(:has(VariableDeclarator[id.typeAnnotation.typeAnnotation.type="TSNeverKeyword"]))',
    message:
      "the default of a switch declares the unhandled value never: default: { const unhandled: never = …; }",
  },
];

const restrict = (...layers) => ({
  "no-restricted-imports": ["error", { patterns: layers.map((l) => LAYER[l]) }],
});

export default tseslint.config(
  { ignores: ["node_modules/", "**/node_modules/", "bin/", "out/", "**/*.js", "**/*.mjs"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-console": "off",
      eqeqeq: ["error", "always"],
      "no-restricted-syntax": ["error", ...EXHAUSTIVE_SWITCH],
    },
  },
  // model/: the pure domain. No resources, no engine, nothing above it.
  { files: ["model/**/*.ts"], rules: restrict("components", "config", "tools", "policy", "entry", "pulumi") },
  // config/: reads and validates the stack file into the model's terms.
  { files: ["config/**/*.ts"], rules: restrict("components", "tools", "policy", "entry") },
  // components/: ComponentResources in their own vocabulary, usable without config/.
  { files: ["components/**/*.ts"], rules: restrict("config", "tools", "policy", "entry", "providerIndex") },
  {
    files: ["components/gitlab/bindings/**/*.ts"],
    rules: restrict("config", "tools", "policy", "entry", "providerIndex", "outsideBindings"),
  },
  { files: ["index.ts", "ack-serverless.ts"], rules: restrict("tools", "policy", "providerIndex") },
  // policy/ and tools/ read the pure layer, never components.
  {
    files: ["policy/**/*.ts"],
    rules: restrict("components", "config", "tools", "entry", "programOutsideFacts"),
  },
  { files: ["policy/facts.ts"], rules: restrict("components", "config", "tools", "entry") },
  { files: ["tools/**/*.ts"], rules: restrict("components", "entry") },
);
