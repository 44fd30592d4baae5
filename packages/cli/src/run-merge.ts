import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { type EvaluationPart, EvaluationMergeError, type EvaluationResult, mergeEvaluations } from '@spearmint/decorators';
import { checkBaselineAtStart, checkCommonConfigs } from './baseline';
import type { CliIo } from './cli-io';
import { MetricReferences } from './metric-references';
import { prepareOutputs } from './output-paths';
import type { MergeCommand } from './parse-arguments';
import { readRecordFiles } from './record-lines';
import { DEFAULT_REPORT_RECORDS, RecordSelection } from './record-selection';
import { reportRun } from './report-run';
import { messageOf } from './safe-text';
import { readSavedRun } from './saved-run';
import { mergeThresholds, type Threshold, thresholdKey } from './thresholds';
import { UsageError } from './usage-error';

/**
 * `spearmint merge <shard.json>...`: merges the saved runs of every shard of an evaluation into the
 * result of the whole dataset (`mergeEvaluations`: the same numbers as one run), reads the shards'
 * per-record files for the report's records section, and reports it as `spearmint eval` does.
 * Shards that are missing, given twice or from another evaluation are usage errors naming the files.
 */
export async function runMerge(command: MergeCommand, io: CliIo): Promise<number> {
  const outputs = [
    ...(command.out !== undefined ? [{ flag: '--out', path: command.out }] : []),
    ...(command.saveRun !== undefined ? [{ flag: '--save-run', path: command.saveRun }] : []),
  ];
  const [first, second] = prepareOutputs(outputs, io.cwd);
  const out = command.out !== undefined ? first : undefined;
  const saveRun = command.saveRun !== undefined ? (command.out !== undefined ? second : first) : undefined;
  const parts = command.parts.map((file) => readPart(file, io.cwd));
  let result: EvaluationResult;
  try {
    result = mergeEvaluations(parts, { labels: command.parts });
  } catch (error) {
    if (error instanceof EvaluationMergeError) throw new UsageError(error.message);
    throw error;
  }
  if (result.shard) {
    const present = new Set(result.shard.indices);
    const missing = Array.from({ length: result.shard.count }, (_, i) => i + 1).filter((index) => !present.has(index));
    throw new UsageError(
      `The shards given cover ${result.shard.indices.join(', ')} of ${result.shard.count}: shard(s) ${missing.map((index) => `${index}/${result.shard!.count}`).join(', ')} ` +
        'missing. Give the saved run of every shard (spearmint eval --shard i/n --save-run), so that every record counts once.',
    );
  }

  // The shards' own thresholds (the definition's and their --threshold flags), then this command's.
  const thresholds = mergeThresholds(savedThresholds(parts[0]!, command.parts[0]!), command.thresholds);
  const evaluators = parts[0]!.state!.evaluators;
  const plan = { experiment: result.experiment, evaluators };
  new MetricReferences([
    ...thresholds.map((threshold) => ({ ...threshold, where: `the threshold ${thresholdKey(threshold)}` })),
    ...command.maxRegressions.map(({ metric, delta }) => ({ metric, where: `--max-regression ${metric}=${delta}` })),
  ]).atStart(plan);
  for (const threshold of thresholds) {
    if (threshold.config !== undefined && threshold.config !== 'main' && !result.configs.some((config) => config.configId === threshold.config)) {
      throw new UsageError(`Unknown config '${threshold.config}' in the threshold ${thresholdKey(threshold)}: the configs are ${result.configs.map((c) => `'${c.configId}'`).join(', ')}.`);
    }
  }
  const baseline = command.baseline === undefined ? undefined : readSavedRun(command.baseline, io.cwd);
  if (baseline) {
    checkBaselineAtStart(baseline, plan, command.maxRegressions);
    checkCommonConfigs(baseline, result.experiment, result.configs.map((config) => config.configId));
  }

  const selection = out === undefined ? undefined : new RecordSelection(command.reportRecords ?? DEFAULT_REPORT_RECORDS);
  if (selection) {
    selection.rankBy(evaluators[0]?.name);
    const files = command.records.map((given) => ({ given, path: resolve(io.cwd, given) }));
    await readRecordFiles(files, result.configs.length * result.repeat, (record) => selection.add(record));
  } else if (command.records.length > 0) {
    io.stderr.write('spearmint merge: --records is read for the report only: add --out <report.html>\n');
  }
  io.stderr.write(`merged ${parts.length} shard(s): ${result.records} record(s)\n`);
  return reportRun({ command: 'merge', result, interrupted: false, flags: command, thresholds, baseline, selection, out, saveRun }, io);
}

/** One shard's saved run; a `UsageError` naming the file when it cannot be read. */
function readPart(file: string, cwd: string): EvaluationPart {
  const path = resolve(cwd, file);
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    throw new UsageError(missing ? `No such file: ${file} (looked at ${path}).` : `${file} cannot be read: ${messageOf(error)}.`);
  }
  try {
    return JSON.parse(text) as EvaluationPart;
  } catch (error) {
    throw new UsageError(`${file} is not JSON (${messageOf(error)}): give the files written by spearmint eval --shard i/n --save-run.`);
  }
}

/** The thresholds a shard's saved run asks the merge to check (`thresholdsToCheck`), keyed as in a definition. */
function savedThresholds(part: EvaluationPart, file: string): Record<string, number> {
  const saved = (part as { thresholdsToCheck?: unknown }).thresholdsToCheck;
  if (saved === undefined) return {};
  const valid = (item: unknown): item is Threshold =>
    item !== null &&
    typeof item === 'object' &&
    typeof (item as Threshold).metric === 'string' &&
    typeof (item as Threshold).value === 'number' &&
    ((item as Threshold).config === undefined || typeof (item as Threshold).config === 'string');
  if (!Array.isArray(saved) || !saved.every(valid)) throw new UsageError(`${file} has a malformed "thresholdsToCheck": save the shard again with spearmint eval --shard i/n --save-run.`);
  return Object.fromEntries(saved.map((threshold) => [thresholdKey(threshold), threshold.value]));
}
