"use strict";
/**
 * Runs the TypeScript sources as they are checked out, fast: `node --require ./tools/typescript/register.js`.
 * Each .ts file is transpiled by esbuild (types stripped, no type-check: CI runs `tsc --noEmit`) and the result is
 * cached under node_modules/.cache by the hash of the file's path and content. An unchanged file is never
 * transpiled twice and a changed one is never served stale, because its content is the key; nothing is
 * precompiled by hand. Pulumi.yaml's `nodeargs`, the npm scripts and the tests all start through it.
 */
const crypto = require("node:crypto");
const fs = require("node:fs");
const nodeModule = require("node:module");
const path = require("node:path");

const CACHE_ROOT = path.join(__dirname, "..", "..", "node_modules", ".cache", "gitlab-ci-platform");
const CACHE = path.join(CACHE_ROOT, "typescript");

// Node ≥ 22.1 can keep V8's compiled code of every module it loads (the SDKs' and this transpiled code alike) on
// disk, keyed by content, so a later start compiles little. Older Node has no such cache and starts as before;
// NODE_DISABLE_COMPILE_CACHE=1 turns it off.
nodeModule.enableCompileCache?.(path.join(CACHE_ROOT, "v8"));

const OPTIONS = {
  loader: "ts",
  format: "cjs",
  target: "node20",
  sourcemap: "inline",
  sourcesContent: false,
  logLevel: "silent",
  // `import()` becomes `require()`, as tsc does for CommonJS: the sources are CommonJS modules.
  supported: { "dynamic-import": false },
};
// Part of every key: another esbuild or other options give other output.
const SALT = `${require("esbuild/package.json").version} ${JSON.stringify(OPTIONS)}`;

/** Loaded on the first cache miss only: a warm start never starts esbuild. */
let esbuild;

function transpile(source, filename) {
  const key = crypto
    .createHash("sha256")
    .update(SALT)
    .update("\0")
    .update(filename)
    .update("\0")
    .update(source);
  const digest = key.digest("hex");
  const cached = path.join(CACHE, digest.slice(0, 2), `${digest}.js`);
  try {
    return fs.readFileSync(cached, "utf8");
  } catch {
    // not cached yet
  }
  esbuild ??= require("esbuild");
  const { code } = esbuild.transformSync(source, { ...OPTIONS, sourcefile: filename });
  store(cached, code);
  return code;
}

/** Written whole or not at all (a temporary file renamed into place), so a parallel start never reads half. */
function store(file, code) {
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const partial = `${file}.${process.pid}.partial`;
    fs.writeFileSync(partial, code);
    fs.renameSync(partial, file);
  } catch {
    // A read-only checkout still runs; it just transpiles again next time.
  }
}

require.extensions[".ts"] = (module, filename) => {
  module._compile(transpile(fs.readFileSync(filename, "utf8"), filename), filename);
};
// The output carries inline source maps, but Node maps stack traces only when asked
// (NODE_OPTIONS=--enable-source-maps): Pulumi records a full stack trace for every resource, and mapping each
// costs about a millisecond a resource — a third of a large stack's run time.
