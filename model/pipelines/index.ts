export { matchesImagePattern } from "./image-pattern";
export { fleetOffer, fleetsServing, jobProblems, type FleetOffer, type PipelineJob } from "./fleet-match";
