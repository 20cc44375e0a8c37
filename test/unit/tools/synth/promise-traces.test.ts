import { strict as assert } from "node:assert";
import { withoutPromiseStackTraces } from "../../../../tools/synth/promise-traces";

// eslint-disable-next-line @typescript-eslint/no-require-imports
const debuggable = require("@pulumi/pulumi/runtime/debuggable") as {
  debuggablePromise<T>(promise: Promise<T>, context: unknown): Promise<T>;
};

/** The trace the runtime attaches to a promise it wraps. */
async function traceOfWrapped(): Promise<string | undefined> {
  const promise: Promise<number> & { _debugStackTrace?: string } = Promise.resolve(1);
  assert.equal(await debuggable.debuggablePromise(promise, "test"), 1);
  return promise._debugStackTrace;
}

describe("the mock runtime skips the stack traces of Pulumi's internal promises", () => {
  it("wraps promises without frames while the program runs; the program's own errors keep theirs", async () => {
    const { trace, thrown } = await withoutPromiseStackTraces(async () => ({
      trace: await traceOfWrapped(),
      thrown: new Error("from the program"),
    }));
    assert.equal(trace, "Error");
    assert.match(thrown.stack ?? "", /\n\s+at /);
  });

  it("restores the runtime's wrapper and the stack trace limit afterwards, also when the program fails", async () => {
    const wrap = debuggable.debuggablePromise;
    const limit = Error.stackTraceLimit;
    await assert.rejects(
      withoutPromiseStackTraces(async () => {
        throw new Error("program failed");
      }),
      /program failed/,
    );
    assert.equal(debuggable.debuggablePromise, wrap);
    assert.equal(Error.stackTraceLimit, limit);
    assert.match((await traceOfWrapped()) ?? "", /\n\s+at /);
  });
});
