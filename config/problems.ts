import { ProblemsError, type Problem } from "../model/problems";

/** Thrown once, before any resource is registered, with every problem of the stack configuration. */
export class ConfigValidationError extends ProblemsError {
  constructor(problems: readonly Problem[]) {
    super("invalid stack configuration", problems);
    this.name = "ConfigValidationError";
  }
}
