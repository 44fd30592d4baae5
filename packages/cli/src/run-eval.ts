import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { countDatasetRecords, evaluate, EvaluationAbortedError, type EvaluationResult } from '@spearmint/decorators';
import type { CliIo } from './cli-io';
import { EXIT } from './exit-codes';
import { formatResultTable } from './format-table';
import { loadDefinition } from './load-definition';
import type { EvalCommand } from './parse-arguments';
import { createProgressReporter } from './progress-reporter';
import { renderHtmlReport } from './render-html-report';
import { checkThresholds, formatThresholdOutcome, mergeThresholds } from './thresholds';
import { UsageError } from './usage-error';

/**
 * `spearmint eval <file>`: loads the definition, evaluates it with progress on stderr, prints
 * the table (or JSON) on stdout, writes the report, checks the thresholds; returns the exit code.
 */
export async function runEval(command: EvalCommand, io: CliIo, signal: AbortSignal): Promise<number> {
  const definition = await loadDefinition(command.file, io.cwd);
  const thresholds = mergeThresholds(definition.thresholds, command.thresholds);
  const limit = command.limit ?? definition.limit;
  const counted = await countDatasetRecords(definition.dataset).catch(() => undefined);
  const total = counted === undefined ? undefined : Math.min(counted, limit ?? Infinity);
  const progress = createProgressReporter(io.stderr, total);
  const output = command.records !== undefined ? resolve(io.cwd, command.records) : definition.output;

  let result: EvaluationResult;
  let interrupted = false;
  try {
    result = await evaluate(definition.experiment, definition.dataset, {
      evaluators: definition.evaluators,
      concurrency: command.concurrency ?? definition.concurrency,
      repeat: command.repeat ?? definition.repeat,
      limit,
      output,
      signal,
      onRecord: () => progress.tick(),
    });
  } catch (error) {
    progress.stop();
    if (!(error instanceof EvaluationAbortedError)) {
      if (error instanceof TypeError) throw new UsageError(`The definition in ${command.file} is not valid: ${error.message}`);
      io.stderr.write(`spearmint eval: the evaluation failed: ${error instanceof Error ? `${error.name}: ${error.message}` : String(error)}\n`);
      return EXIT.evaluationFailed;
    }
    io.stderr.write('spearmint eval: interrupted; the result over the records that finished:\n');
    result = error.partial;
    interrupted = true;
  }
  if (!interrupted) progress.stop();

  const outcomes = interrupted ? [] : checkThresholds(thresholds, result);
  if (command.json) io.stdout.write(`${JSON.stringify(outcomes.length > 0 ? { ...result, thresholds: outcomes } : result, null, 2)}\n`);
  else io.stdout.write(`${formatResultTable(result)}\n`);
  if (command.out !== undefined) {
    const file = resolve(io.cwd, command.out);
    writeFileSync(file, renderHtmlReport(result, outcomes));
    io.stderr.write(`report written to ${command.out}\n`);
  }
  if (interrupted) return EXIT.interrupted;
  for (const outcome of outcomes) io.stderr.write(`${formatThresholdOutcome(outcome)}\n`);
  return outcomes.every((outcome) => outcome.passed) ? EXIT.ok : EXIT.thresholdFailed;
}

