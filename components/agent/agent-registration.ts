import * as pulumi from "@pulumi/pulumi";
import { planAgent, type AgentPlan, type AgentSpec } from "../../model/agent";
import { ClusterAgent, ClusterAgentToken, RepositoryFile } from "../gitlab/bindings";

export interface AgentRegistrationArgs {
  /** The agent: its name, configuration project and the projects and environments it authorises. */
  agent: AgentSpec;
  /** The configuration project's default branch: where GitLab reads the agent's configuration. */
  branch: pulumi.Input<string>;
}

/**
 * The GitLab side of the agent: its registration in the configuration project, a token for agentk (a Pulumi secret
 * from the provider to the Secret agentk reads), and `.gitlab/agents/<name>/config.yaml` committed on the default
 * branch, which authorises exactly the given projects, impersonated as their CI/CD jobs, in their environments.
 */
export class AgentRegistration extends pulumi.ComponentResource {
  public readonly plan: AgentPlan;
  public readonly agentId: pulumi.Output<number>;
  /** The token agentk authenticates with: secret. */
  public readonly token: pulumi.Output<string>;

  constructor(name: string, args: AgentRegistrationArgs, opts?: pulumi.ComponentResourceOptions) {
    super("gitlab-ci-platform:agent:AgentRegistration", name, {}, opts);
    this.plan = planAgent(args.agent);
    const { spec } = this.plan;
    // The GitLab provider comes with the component's options.
    const child = { parent: this };
    const config = new RepositoryFile(
      `${name}-config`,
      {
        project: spec.configProject,
        branch: args.branch,
        filePath: this.plan.configFile.path,
        content: this.plan.configFile.content,
        encoding: "text",
        // The file is the stack's: one written by hand before is taken over, as later edits are.
        overwriteOnCreate: true,
        commitMessage: `Configure agent ${spec.name}: ci_access as ${spec.managedBy} declares it`,
      },
      child,
    );
    const agent = new ClusterAgent(
      `${name}-agent`,
      { project: spec.configProject, name: spec.name },
      { ...child, dependsOn: [config] },
    );
    this.agentId = agent.agentId;
    const token = new ClusterAgentToken(
      `${name}-token`,
      {
        project: spec.configProject,
        agentId: agent.agentId,
        name: this.plan.names.gitlabToken,
        description: `agentk of ${spec.managedBy}`,
      },
      child,
    );
    this.token = pulumi.secret(token.token);
    this.registerOutputs({ agentId: this.agentId, context: this.plan.context });
  }
}
