import { Analysis, AnalyzeOptions, analyzeStackExport } from "../../policy/analyze";
import { formatMarkdown, formatText } from "../../policy/report";

/** The exit code of `synth --policy` when a mandatory policy is violated. */
export const POLICY_VIOLATION_EXIT_CODE = 3;

export interface PolicyGate {
  analysis: Analysis;
  /** For the terminal: mandatory violations first, then a summary line. */
  text: string;
  /** For a merge request artifact (e.g. out/<stack>/policy.md). */
  markdown: string;
  /** 0, or POLICY_VIOLATION_EXIT_CODE when any mandatory violation remains. */
  exitCode: 0 | typeof POLICY_VIOLATION_EXIT_CODE;
}

/**
 * Runs the policy pack over a stack export (synth's stack.json document) for `synth --policy`. Throws
 * AnalysisInputError on an invalid document or config (synth's exit 2).
 */
export function policyGate(exportJson: unknown, options: AnalyzeOptions = {}): PolicyGate {
  const analysis = analyzeStackExport(exportJson, options);
  return {
    analysis,
    text: formatText(analysis),
    markdown: formatMarkdown(analysis),
    exitCode: analysis.mandatory > 0 ? POLICY_VIOLATION_EXIT_CODE : 0,
  };
}
