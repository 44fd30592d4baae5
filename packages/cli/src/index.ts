/**
 * `@spearmint/cli`: the `spearmint eval` command, `defineEvaluation()` for its definition
 * files, and the table and HTML report of an evaluation result.
 *
 * @packageDocumentation
 * @module @spearmint/cli
 */
// Defining an evaluation for `spearmint eval <file>`
export { defineEvaluation, isEvaluationDefinition, type EvaluationDefinition } from './define-evaluation';

// The command line, for programs and tests
export { runCli } from './run-cli';
export type { CliIo } from './cli-io';
export { EXIT } from './exit-codes';

// Reports of an EvaluationResult (from evaluate() or `spearmint eval --json`)
export { formatResultTable } from './format-table';
export { renderHtmlReport, type ReportOptions } from './render-html-report';
export { RecordSelection, DEFAULT_REPORT_RECORDS, type RecordCell, type RecordView } from './record-selection';
export type { ExecutionLike, RecordLike } from './record-lines';
export type { RecordsSection } from './report-records';
export type { JudgedConfig, Threshold, ThresholdOutcome } from './thresholds';
export type { BaselineReport, MaxRegression, RegressionOutcome } from './baseline';
export type { RunJson } from './result-json';
