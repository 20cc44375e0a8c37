"use strict";
/**
 * TEST ONLY. The engine tests put this in NODE_OPTIONS, so every Node.js process a `pulumi` command starts loads
 * it: the program, the policy pack and the GitLab double. It acts in the program's alone (started through
 * @pulumi/pulumi's cmd/run), where it loads this repository's TypeScript loader and the skip-await
 * transformation; the policy pack keeps the TypeScript compiler the language host gives it.
 */
const isProgram = /[\\/]@pulumi[\\/]pulumi[\\/]cmd[\\/]run(?:[\\/]index\.js)?$/.test(process.argv[1] ?? "");
if (isProgram) {
  require("../../../tools/typescript/register.js");
  require("./skip-await.ts");
}
