export { AgentK, type AgentKArgs } from "./agent-k";
export { AgentRegistration, type AgentRegistrationArgs } from "./agent-registration";
export { AuthorisedProjects, ancestorGroups, type ProjectEnvironments } from "./authorised-projects";
