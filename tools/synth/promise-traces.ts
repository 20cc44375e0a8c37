/**
 * The Pulumi runtime wraps its internal promises for leak reports and formats a stack trace for each as it is
 * made: about 40 a resource (four per output property), some 20 µs each, a tenth of an offline run. The traces
 * are printed only with PULUMI_DEBUG_PROMISE_LEAKS set, so without it the mock runtime takes them frameless.
 */
// The runtime's debuggable-promise wrapper is a CommonJS internal without published typings.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const debuggable = require("@pulumi/pulumi/runtime/debuggable") as {
  debugPromiseLeaks: boolean;
  debuggablePromise<T>(promise: Promise<T>, context: unknown): Promise<T>;
};

export async function withoutPromiseStackTraces<T>(run: () => Promise<T>): Promise<T> {
  if (debuggable.debugPromiseLeaks) return run();
  const wrap = debuggable.debuggablePromise;
  debuggable.debuggablePromise = (promise, context) => {
    const limit = Error.stackTraceLimit;
    Error.stackTraceLimit = 0;
    try {
      return wrap(promise, context);
    } finally {
      Error.stackTraceLimit = limit;
    }
  };
  try {
    return await run();
  } finally {
    debuggable.debuggablePromise = wrap;
  }
}
