import type { Context, RootHookObject } from "mocha";
import { clusterStarted } from "../../cluster/harness/cluster";
import { timingReport } from "../../cluster/harness/timings";
import { startEngine, stopEngine } from "./engine";

/** One API server and one engine workspace for the whole run, stopped and removed (even after failures) at the end. */
export const mochaHooks: RootHookObject = {
  async beforeAll(this: Context) {
    const skip = await startEngine();
    if (skip) {
      console.log(`\n  ${skip}\n`);
      this.skip();
    }
  },
  async afterAll() {
    if (!clusterStarted()) return;
    await stopEngine();
    console.log(`\n${timingReport("engine suite timings")}\n`);
  },
};
