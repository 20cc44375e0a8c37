import type { Context, RootHookObject } from "mocha";
import { clusterStarted, startCluster, stopCluster } from "./cluster";
import { timingReport } from "./timings";

/** One control plane for the whole run: started before the first test, stopped (even after failures) at the end. */
export const mochaHooks: RootHookObject = {
  async beforeAll(this: Context) {
    const skip = await startCluster();
    if (skip) {
      console.log(`\n  ${skip}\n`);
      this.skip();
    }
  },
  async afterAll() {
    if (!clusterStarted()) return;
    await stopCluster();
    console.log(`\n${timingReport()}\n`);
  },
};
