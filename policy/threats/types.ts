/** Who can try to get more than the platform gives them (THREATS.md describes each). */
export type ActorId = "developer" | "maintainer" | "editor" | "manager" | "deployJob" | "agent";

export interface Actor {
  /** How THREATS.md and the reports name the actor. */
  name: string;
  /** Who that is, in GitLab and Kubernetes terms. */
  who: string;
  /** What the platform lets the actor do on purpose. */
  byDesign: string;
}

/**
 * One way an actor could get more than `byDesign`. A path is closed by the rules that name it (policy/rules) or,
 * when no object of a stack shows it, carries the reason it is out of the pack's scope.
 */
export interface ThreatPath {
  actor: ActorId;
  /** The path in a few words, as a report names it: "runs any image as a service". */
  title: string;
  /** How it works, with the fact that makes it real. */
  how: string;
  /** Why no rule closes it, and what does instead. */
  outOfScope?: string;
}
