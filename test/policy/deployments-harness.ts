// Runs the Deployments bootstrap under Pulumi's mock runtime (in its own process: the runtime is global state)
// and prints every registered resource as JSON. Used by deployments.test.ts.
import { dirname, join, resolve } from "node:path";

const PROGRAM = resolve(__dirname, "../../deployments");

interface Recorded {
  type: string;
  name: string;
  inputs: Record<string, unknown>;
}

async function main(): Promise<void> {
  // The program's own copy of the SDK, so the mocks reach the resources it registers.
  const sdk = join(dirname(require.resolve("@pulumi/pulumi/package.json", { paths: [PROGRAM] })));
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- resolved at run time from the program's folder
  const pulumi = require(sdk) as typeof import("@pulumi/pulumi");
  const recorded: Recorded[] = [];
  const config = JSON.parse(process.argv[2] ?? "{}") as Record<string, string>;
  pulumi.runtime.setAllConfig(config);
  await pulumi.runtime.setMocks(
    {
      newResource: (args) => {
        recorded.push({ type: args.type, name: args.name, inputs: args.inputs });
        return { id: `${args.name}-id`, state: args.inputs };
      },
      call: (args) => args.inputs,
    },
    "gitlab-ci-platform-deployments",
    "bootstrap",
    false,
    "acme",
  );
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the program must load after setMocks
  const program = require(PROGRAM) as Record<string, unknown>;
  await new Promise<void>((done) => pulumi.all(Object.values(program) as never[]).apply(() => done()));
  process.stdout.write(JSON.stringify(recorded));
}

main().catch((error: unknown) => {
  console.error((error as Error).stack ?? error);
  process.exit(1);
});
