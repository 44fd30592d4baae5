import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { compareEvaluations, countDatasetRecords, evaluate, EvaluationAbortedError, type EvaluationPlan, type EvaluationResult, type RecordResult } from '@spearmint/decorators';
import { type BaselineReport, checkBaselineAtStart, checkCommonConfigs, checkMaxRegressions, formatRegressionOutcome, type RegressionOutcome } from './baseline';
import type { CliIo } from './cli-io';
import { EXIT } from './exit-codes';
import { formatResultTable } from './format-table';
import { loadDefinition } from './load-definition';
import { MetricReferences } from './metric-references';
import { type OutputPath, prepareOutputs } from './output-paths';
import type { EvalCommand } from './parse-arguments';
import { createProgressReporter } from './progress-reporter';
import { DEFAULT_REPORT_RECORDS, RecordSelection } from './record-selection';
import { renderHtmlReport } from './render-html-report';
import { runJson } from './result-json';
import { describeThrown } from './safe-text';
import { readSavedRun } from './saved-run';
import { checkThresholds, formatThresholdOutcome, mergeThresholds, thresholdKey } from './thresholds';
import { UsageError } from './usage-error';

/**
 * `spearmint eval <file>`: loads the definition and checks everything that can be checked before
 * a record runs (output paths, the baseline, metric names); evaluates with progress on stderr,
 * checking the remaining names on the first records; prints the table (or JSON) on stdout; writes
 * the report and the saved run; checks thresholds and max regressions; returns the exit code.
 */
export async function runEval(command: EvalCommand, io: CliIo, signal: AbortSignal): Promise<number> {
  const definition = await loadDefinition(command.file, io.cwd);
  const thresholds = mergeThresholds(definition.thresholds, command.thresholds);
  const limit = command.limit ?? definition.limit;
  const recordsPath = command.records ?? filePath(definition.output);
  const [out, records, saveRun] = preparePaths(command, recordsPath, io.cwd);
  const baseline = command.baseline === undefined ? undefined : readSavedRun(command.baseline, io.cwd);
  const references = new MetricReferences([
    ...thresholds.map((threshold) => ({ ...threshold, where: `the threshold ${thresholdKey(threshold)} (--threshold or the definition's thresholds)` })),
    ...command.maxRegressions.map(({ metric, delta }) => ({ metric, where: `--max-regression ${metric}=${delta}` })),
  ]);
  const selection = out === undefined ? undefined : new RecordSelection(command.reportRecords ?? DEFAULT_REPORT_RECORDS);

  const counted = await countDatasetRecords(definition.dataset).catch(() => undefined);
  const total = counted === undefined ? undefined : Math.min(counted, limit ?? Infinity);
  const progress = createProgressReporter(io.stderr, total);
  let plan: EvaluationPlan | undefined;
  let firstRecord = true;
  const onStart = (started: EvaluationPlan) => {
    plan = started;
    references.atStart(started);
    if (baseline) checkBaselineAtStart(baseline, started, command.maxRegressions);
    selection?.rankBy(started.evaluators[0]?.name);
  };
  const onRecord = (record: RecordResult) => {
    progress.tick();
    references.afterRecord(record);
    if (firstRecord && baseline) checkCommonConfigs(baseline, plan!.experiment, [...new Set(record.executions.map((execution) => execution.configId))]);
    firstRecord = false;
    selection?.add(record);
  };

  let result: EvaluationResult;
  let interrupted = false;
  try {
    result = await evaluate(definition.experiment, definition.dataset, {
      evaluators: definition.evaluators,
      concurrency: command.concurrency ?? definition.concurrency,
      repeat: command.repeat ?? definition.repeat,
      limit,
      output: records ?? definition.output,
      signal,
      onStart,
      onRecord,
    });
  } catch (error) {
    progress.stop();
    if (error instanceof UsageError) throw error;
    if (!(error instanceof EvaluationAbortedError)) {
      if (error instanceof TypeError) throw new UsageError(`The definition in ${command.file} is not valid: ${error.message}`);
      io.stderr.write(`spearmint eval: the evaluation failed: ${describeThrown(error)}\n`);
      return EXIT.evaluationFailed;
    }
    io.stderr.write('spearmint eval: interrupted; the result over the records that finished:\n');
    result = error.partial;
    interrupted = true;
  }
  if (!interrupted) progress.stop();

  const outcomes = interrupted ? [] : checkThresholds(thresholds, result);
  const comparison: BaselineReport | undefined = baseline && { file: baseline.file, ...compareEvaluations(result, baseline) };
  const regressions: RegressionOutcome[] = comparison && !interrupted ? checkMaxRegressions(command.maxRegressions, comparison, result) : [];
  const json = runJson({
    ...result,
    ...(outcomes.length > 0 ? { thresholds: outcomes } : {}),
    ...(comparison ? { baseline: comparison } : {}),
    ...(regressions.length > 0 ? { maxRegressions: regressions } : {}),
  });
  io.stdout.write(command.json ? `${json}\n` : `${formatResultTable(result, comparison)}\n`);

  let written = true;
  if (out !== undefined && selection) {
    const html = renderHtmlReport(result, {
      thresholds: outcomes,
      ...(comparison ? { baseline: comparison } : {}),
      regressions,
      records: {
        views: selection.selected(),
        seen: selection.seen,
        capacity: selection.capacity,
        configIds: result.configs.map((config) => config.configId),
        ...(selection.rankingMetric !== undefined ? { rankingMetric: selection.rankingMetric } : {}),
      },
    });
    written = writeOutput(io, '--out', command.out!, out, html, `report written to ${command.out}`) && written;
  }
  if (saveRun !== undefined) {
    if (interrupted) io.stderr.write(`run not saved to ${command.saveRun}: the evaluation was interrupted, and a partial run would make a misleading baseline\n`);
    else written = writeOutput(io, '--save-run', command.saveRun!, saveRun, `${json}\n`, `run saved to ${command.saveRun}`) && written;
  }
  if (interrupted) return EXIT.interrupted;
  for (const outcome of outcomes) io.stderr.write(`${formatThresholdOutcome(outcome)}\n`);
  for (const outcome of regressions) io.stderr.write(`${formatRegressionOutcome(outcome)}\n`);
  if (!written) return EXIT.evaluationFailed;
  return outcomes.every((outcome) => outcome.passed) && regressions.every((outcome) => !outcome.exceeded) ? EXIT.ok : EXIT.thresholdFailed;
}

/** `--out`, `--records` (or the definition's `output`) and `--save-run`, checked and their folders made. */
function preparePaths(command: EvalCommand, records: string | undefined, cwd: string): [string | undefined, string | undefined, string | undefined] {
  const wanted: [OutputPath | undefined, OutputPath | undefined, OutputPath | undefined] = [
    command.out === undefined ? undefined : { flag: '--out', path: command.out },
    records === undefined ? undefined : { flag: command.records === undefined ? "the definition's output" : '--records', path: records },
    command.saveRun === undefined ? undefined : { flag: '--save-run', path: command.saveRun },
  ];
  const present = wanted.filter((entry): entry is OutputPath => entry !== undefined);
  const files = prepareOutputs(present, cwd);
  let next = 0;
  return wanted.map((entry) => (entry === undefined ? undefined : files[next++])) as [string | undefined, string | undefined, string | undefined];
}

/** A file path from the definition's `output` (a path or a file: URL); `undefined` for anything else. */
function filePath(output: string | URL | undefined): string | undefined {
  if (typeof output === 'string') return output;
  return output instanceof URL && output.protocol === 'file:' ? fileURLToPath(output) : undefined;
}

/** Writes a file at the end; a failure is reported in one line (no stack) and makes the exit code 3. */
function writeOutput(io: CliIo, flag: string, given: string, file: string, text: string, done: string): boolean {
  try {
    writeFileSync(file, text);
    io.stderr.write(`${done}\n`);
    return true;
  } catch (error) {
    io.stderr.write(`spearmint eval: cannot write ${flag} ${given}: ${describeThrown(error)}\n`);
    return false;
  }
}
