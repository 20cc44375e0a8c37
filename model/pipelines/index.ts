export {
  ComponentProjectError,
  TEMPLATES_DIR,
  componentInclude,
  componentProjectOf,
  planComponentProject,
  type ComponentProject,
  type PublishedFile,
  type TemplateFile,
} from "./publish";
