export { closestKey } from "./closest-key";
export { formatPath, joinPath, type PathSegment } from "./path";
export { formatProblem, type Problem, ProblemsError } from "./problem";
export { describeValue, type PathNamer, problemsFromZod, unknownKey, type ZodProblemOptions } from "./zod";
