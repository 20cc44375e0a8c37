export { PipelineComponents, type PipelineComponentsArgs } from "./pipeline-components";
export { REPOSITORY_TEMPLATE_FOLDER, loadComponentProject, readTemplateFolder } from "./template-folder";
