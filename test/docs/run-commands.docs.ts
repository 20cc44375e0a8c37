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

let located: { cli?: PulumiCli } | undefined;

/** The Pulumi CLI, located once (and unpacked on first use); undefined when there is none. */
function pulumiCli(): PulumiCli | undefined {
  located ??= { cli: locatePulumi() };
  return located.cli;
}

/** Without the CLI, a page's pulumi commands (and what follows them) skip, or fail under DOCS_TESTS_REQUIRED. */
function skipWithoutPulumi(context: Mocha.Context): never {
  if (process.env.DOCS_TESTS_REQUIRED)
    throw new Error(`DOCS_TESTS_REQUIRED is set: ${MISSING_PULUMI_MESSAGE}`);
  console.log(`    ${MISSING_PULUMI_MESSAGE}`);
  return context.skip();
}

for (const page of docFiles()) {
  const blocks = runBlocks(page);
  if (blocks.length === 0) continue;

  describe(`${page}: every command, in order, in a copy of the repository`, function () {
    let ws: Workspace | undefined;
    let stopped = false;

    before(() => {
      ws = createWorkspace(page, blocks.some(usesPulumi) ? pulumiCli() : undefined);
    });
    after(() => ws?.remove());

    for (const block of blocks) {
      it(title(block), function () {
        // A page is one reader's session: after a failed or skipped step the later ones prove nothing.
        if (stopped || !ws) this.skip();
        stopped = true;
        if (usesPulumi(block) && !pulumiCli()) skipWithoutPulumi(this);
        const outcome = runBlock(block, ws);
        if (outcome) throw new Error(`${page}:${block.line}: ${outcome}`);
        stopped = false;
      });
    }
  });
}
