/**
 * TEST FIXTURE — never part of the program. A stand-in for the Pulumi Cloud provider plugin
 * (`pulumi-resource-pulumiservice` 1.3.0, the version deployments/ pins), whose binary is not on this machine.
 * The bootstrap's engine test installs it as that plugin so that `pulumi preview` runs the deployments/ project
 * through the real CLI: every DeploymentSettings and PolicyGroup the program registers is checked against the
 * provider's schema (pulumiservice-schema.json, taken from pulumi-pulumiservice v1.3.0) and fails the preview on a mismatch.
 * It answers previews only (Check); it talks to no Pulumi Cloud and creates nothing.
 */
import { main } from "@pulumi/pulumi/provider";
import type * as provider from "@pulumi/pulumi/provider";
import { loadSchema, schemaFailures } from "./schema";

const schema = loadSchema();

/** The resource type a URN names: `urn:pulumi:<stack>::<project>::<type>::<name>`. */
const typeOfUrn = (urn: string) => urn.split("::")[2];

const double: provider.Provider = {
  version: schema.source.tag.replace(/^v/, ""),
  check: (urn, _olds, news) =>
    Promise.resolve({ inputs: news, failures: schemaFailures(schema, typeOfUrn(urn), news) }),
};

void main(double, process.argv.slice(2));
