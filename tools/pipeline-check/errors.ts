export class PipelineInputError extends Error {}
