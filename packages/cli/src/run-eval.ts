import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type CacheOptions, countDatasetRecords, evaluate, EvaluationAbortedError, type EvaluationPlan, type EvaluationResult, type Shard } from '@spearmint/decorators';
import { checkBaselineAtStart, checkCommonConfigs } from './baseline';
import type { CliIo } from './cli-io';
import type { EvaluationDefinition } from './define-evaluation';
import { evaluateInWorkers } from './eval-workers';
import { EXIT } from './exit-codes';
import { LineWriter } from './line-writer';
import { loadDefinition } from './load-definition';
import { MetricReferences } from './metric-references';
import { type OutputPath, prepareOutputs } from './output-paths';
import type { EvalCommand } from './parse-arguments';
import { createProgressReporter } from './progress-reporter';
import type { RecordLike } from './record-lines';
import { DEFAULT_REPORT_RECORDS, RecordSelection } from './record-selection';
import { reportRun } from './report-run';
import { describeThrown } from './safe-text';
import { readSavedRun } from './saved-run';
import { mergeThresholds, thresholdKey } from './thresholds';
import { UsageError } from './usage-error';

/**
 * `spearmint eval <file>`: loads the definition and checks everything that can be checked before
 * a record runs (output paths, the baseline, metric names, the cache); evaluates (in this thread,
 * or in `--workers` threads) with progress on stderr, checking the remaining names on the first
 * records; then reports the run (table or JSON, report, saved run, thresholds) and returns the
 * exit code.
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
  const cache = cacheOption(command, definition, io.cwd);
  const { shard } = command;

  const counted = await countDatasetRecords(definition.dataset).catch(() => undefined);
  const within = counted === undefined ? undefined : Math.min(counted, limit ?? Infinity);
  const total = within === undefined || shard === undefined ? within : shardSize(shard, within);
  const progress = createProgressReporter(io.stderr, total);
  let plan: EvaluationPlan | undefined;
  let firstRecord = true;
  const onStart = (started: EvaluationPlan) => {
    plan = started;
    references.atStart(started);
    if (baseline) checkBaselineAtStart(baseline, started, command.maxRegressions);
    selection?.rankBy(started.evaluators[0]?.name);
  };
  const onRecord = (record: RecordLike) => {
    progress.tick();
    references.afterRecord(record);
    if (firstRecord && baseline) checkCommonConfigs(baseline, plan!.experiment, [...new Set(record.executions.map((execution) => execution.configId))]);
    firstRecord = false;
    selection?.add(record);
  };
  const options = {
    concurrency: command.concurrency ?? definition.concurrency,
    repeat: command.repeat ?? definition.repeat,
    limit,
  };

  let result: EvaluationResult;
  let interrupted = false;
  try {
    if (command.workers === undefined) {
      result = await evaluate(definition.experiment, definition.dataset, {
        evaluators: definition.evaluators,
        ...options,
        output: records ?? definition.output,
        signal,
        onStart,
        onRecord,
        ...(cache ? { cache } : {}),
        ...(shard ? { shard } : {}),
      });
    } else {
      // The plan (and the checks on it) before any worker starts: an evaluation of no records.
      await evaluate(definition.experiment, [], { evaluators: definition.evaluators, onStart });
      const writer = records === undefined ? undefined : await LineWriter.open(records, '--records');
      try {
        result = await evaluateInWorkers({
          file: resolve(io.cwd, command.file),
          cwd: io.cwd,
          workers: command.workers,
          shard,
          ...options,
          cache,
          signal,
          onRecord: async (record, lines) => {
            onRecord(record);
            for (const line of lines) await writer?.write(line);
          },
        });
      } finally {
        await writer?.close();
      }
    }
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
  if (shard === undefined) return reportRun({ command: 'eval', result, interrupted, flags: command, thresholds, baseline, selection, out, saveRun }, io);
  // A shard's means are over its share of the records: the gates judge the merged result.
  if (thresholds.length > 0) io.stderr.write(`thresholds ${thresholds.map(thresholdKey).join(', ')}: checked by spearmint merge on the whole dataset\n`);
  const savedExtras = { thresholdsToCheck: thresholds };
  return reportRun({ command: 'eval', result, interrupted, flags: command, thresholds: [], baseline, selection, out, saveRun, savedExtras }, io);
}

/**
 * The response cache: `--cache` (with `--cache-mode`), else the definition's `cache` (with
 * `--cache-mode` replacing its mode); none with `--no-cache`. Relative paths: against `cwd`.
 */
function cacheOption(command: EvalCommand, definition: EvaluationDefinition, cwd: string): CacheOptions | undefined {
  if (command.noCache) return undefined;
  const given = command.cache ?? definition.cache;
  if (given === undefined) {
    if (command.cacheMode !== undefined && command.cacheMode !== 'off') {
      throw new UsageError(`--cache-mode ${command.cacheMode} needs a cache directory: add --cache <dir> (or set \`cache\` in the definition).`, true);
    }
    return undefined;
  }
  const fromDefinition = typeof given === 'string' || given instanceof URL ? { dir: given } : given;
  const dir = typeof fromDefinition.dir === 'string' ? resolve(cwd, fromDefinition.dir) : fromDefinition.dir;
  return { dir, mode: command.cacheMode ?? fromDefinition.mode ?? 'read-write' };
}

/** How many of the first `total` records are in `shard` (record i is in shard (i mod n) + 1). */
function shardSize(shard: Shard, total: number): number {
  return total >= shard.index ? Math.floor((total - shard.index) / shard.count) + 1 : 0;
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
