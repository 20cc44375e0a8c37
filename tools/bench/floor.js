"use strict";
// The floor every Pulumi Node.js program pays: start Node and load @pulumi/pulumi.
require("@pulumi/pulumi");
console.log(
  JSON.stringify({
    registeredMs: performance.now(),
    resources: 0,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  }),
);
