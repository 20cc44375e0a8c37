export {
  MIN_MASKED_LENGTH,
  VARIABLE_KEY,
  checkVariables,
  maskingProblems,
  ownerLabel,
  variableIdentity,
  type VariableChecks,
  type VariableOwner,
  type VariableSpec,
  type VariableType,
} from "./variables";
