export { matchesImagePattern } from "./image-pattern";
export { deployAccessProblems, scopeMatches, type DeployAccess } from "./deploy-access";
export { fleetOffer, fleetsServing, jobProblems, type FleetOffer, type PipelineJob } from "./fleet-match";
export { unprotectedRefProblems } from "./protected-refs";
export {
  componentInclude,
  ComponentProjectError,
  componentProjectOf,
  planComponentProject,
  TEMPLATES_DIR,
  type ComponentProject,
  type PublishedFile,
  type TemplateFile,
} from "./publish";
