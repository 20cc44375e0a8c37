import { directiveOf, stackEditOf } from "./commands";
import { Fence, docFiles, fencesOf, isShell, readDoc } from "./markdown";
import { runBlock } from "./harness/run-block";
import { MISSING_PULUMI_MESSAGE, PulumiCli, locatePulumi } from "./harness/pulumi-cli";
import { Workspace, createWorkspace } from "./harness/workspace";

/** The blocks `npm run test:docs` runs: shell blocks whose comment names no other test, and stack-file edits. */
function runBlocks(page: string): Fence[] {
  return fencesOf(page, readDoc(page)).filter(
    (f) => (isShell(f) && directiveOf(f).kind === "run") || stackEditOf(f) !== undefined,
  );
}

const usesPulumi = (fence: Fence) => /(^|[\s;&|(])pulumi\s/m.test(fence.body);

function title(fence: Fence): string {
  const first = fence.body.split("\n").find((l) => l.trim() !== "" && !l.trim().startsWith("#")) ?? "";
  const edit = stackEditOf(fence);
  return `line ${fence.line}: ${edit ? `add to ${edit}: ${first.trim()}` : first.replace(/^\$ /, "").trim()}`;
}

let pulumi: PulumiCli | undefined;
let pulumiLocated = false;

/** The Pulumi CLI, located once; without it, a page with pulumi commands skips, or fails under DOCS_TESTS_REQUIRED. */
function pulumiFor(context: Mocha.Context): PulumiCli | undefined {
  if (!pulumiLocated) {
    pulumi = locatePulumi();
    pulumiLocated = true;
  }
  if (pulumi) return pulumi;
  if (process.env.DOCS_TESTS_REQUIRED)
    throw new Error(`DOCS_TESTS_REQUIRED is set: ${MISSING_PULUMI_MESSAGE}`);
  console.log(`    ${MISSING_PULUMI_MESSAGE}`);
  context.skip();
}

for (const page of docFiles()) {
  const blocks = runBlocks(page);
  if (blocks.length === 0) continue;

  describe(`${page}: every command, in order, in a copy of the repository`, function () {
    let ws: Workspace | undefined;
    let failed = false;

    before(function () {
      const cli = blocks.some(usesPulumi) ? pulumiFor(this) : undefined;
      ws = createWorkspace(page, cli);
    });
    after(() => ws?.remove());

    for (const block of blocks) {
      it(title(block), function () {
        // A page is one reader's session: after a failed step the later ones prove nothing.
        if (failed || !ws) this.skip();
        const outcome = runBlock(block, ws);
        failed = outcome !== undefined;
        if (outcome) throw new Error(`${page}:${block.line}: ${outcome}`);
      });
    }
  });
}
