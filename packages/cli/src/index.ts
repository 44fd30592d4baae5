// Defining an evaluation for `spearmint eval <file>`
export { defineEvaluation, isEvaluationDefinition } from './define-evaluation';
export type { EvaluationDefinition } from './define-evaluation';

// The command line, for programs and tests
export { runCli } from './run-cli';
export type { CliIo } from './cli-io';
export { EXIT } from './exit-codes';

// Reports of an EvaluationResult (from evaluate() or `spearmint eval --json`)
export { formatResultTable } from './format-table';
export { renderHtmlReport } from './render-html-report';
export type { Threshold, ThresholdOutcome } from './thresholds';
