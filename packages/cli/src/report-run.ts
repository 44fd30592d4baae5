import { writeFileSync } from 'node:fs';
import { compareEvaluations, type EvaluationResult } from '@spearmint/decorators';
import { type BaselineReport, checkMaxRegressions, formatRegressionOutcome, type RegressionOutcome } from './baseline';
import type { CliIo } from './cli-io';
import { EXIT } from './exit-codes';
import { formatResultTable } from './format-table';
import type { ReportFlags } from './parse-arguments';
import type { RecordSelection } from './record-selection';
import { renderHtmlReport } from './render-html-report';
import { runJson } from './result-json';
import { describeThrown } from './safe-text';
import type { SavedRun } from './saved-run';
import { checkThresholds, formatThresholdOutcome, type Threshold } from './thresholds';

/** A finished (or interrupted) run, and how to report it. */
export interface FinishedRun {
  readonly command: 'eval' | 'merge';
  readonly result: EvaluationResult;
  /** True when Ctrl-C stopped it: the result is over the records that finished. */
  readonly interrupted: boolean;
  readonly flags: ReportFlags;
  readonly thresholds: readonly Threshold[];
  readonly baseline: SavedRun | undefined;
  /** The records kept for the report (with `--out`). */
  readonly selection: RecordSelection | undefined;
  /** The absolute paths of `--out` and `--save-run`. */
  readonly out: string | undefined;
  readonly saveRun: string | undefined;
  /** Fields the saved run holds besides the result (a shard's `thresholdsToCheck`, for `spearmint merge`). */
  readonly savedExtras?: Readonly<Record<string, unknown>>;
}

/**
 * Reports a run: the table (or JSON) on stdout, the HTML report and the saved run (with a
 * shard's state, for `spearmint merge`), the thresholds' and max regressions' outcomes on stderr;
 * returns the exit code.
 */
export function reportRun(run: FinishedRun, io: CliIo): number {
  const { result, interrupted, flags, baseline, selection } = run;
  const outcomes = interrupted ? [] : checkThresholds(run.thresholds, result);
  const comparison: BaselineReport | undefined = baseline && { file: baseline.file, ...compareEvaluations(result, baseline) };
  const regressions: RegressionOutcome[] = comparison && !interrupted ? checkMaxRegressions(flags.maxRegressions, comparison, result) : [];
  const json = {
    ...result,
    ...(outcomes.length > 0 ? { thresholds: outcomes } : {}),
    ...(comparison ? { baseline: comparison } : {}),
    ...(regressions.length > 0 ? { maxRegressions: regressions } : {}),
  };
  io.stdout.write(flags.json ? `${runJson(json)}\n` : `${formatResultTable(result, comparison)}\n`);

  let written = true;
  if (run.out !== undefined && selection) {
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
    written = writeOutput(io, run.command, '--out', flags.out!, run.out, html, `report written to ${flags.out}`) && written;
  }
  if (run.saveRun !== undefined) {
    if (interrupted) io.stderr.write(`run not saved to ${flags.saveRun}: the evaluation was interrupted, and a partial run would make a misleading baseline\n`);
    else {
      const saved = `${runJson({ ...json, ...run.savedExtras }, { keepState: true })}\n`;
      written = writeOutput(io, run.command, '--save-run', flags.saveRun!, run.saveRun, saved, `run saved to ${flags.saveRun}`) && written;
    }
  }
  if (interrupted) return EXIT.interrupted;
  for (const outcome of outcomes) io.stderr.write(`${formatThresholdOutcome(outcome)}\n`);
  for (const outcome of regressions) io.stderr.write(`${formatRegressionOutcome(outcome)}\n`);
  if (!written) return EXIT.evaluationFailed;
  return outcomes.every((outcome) => outcome.passed) && regressions.every((outcome) => !outcome.exceeded) ? EXIT.ok : EXIT.thresholdFailed;
}

/** Writes a file at the end; a failure is reported in one line (no stack) and makes the exit code 3. */
function writeOutput(io: CliIo, command: string, flag: string, given: string, file: string, text: string, done: string): boolean {
  try {
    writeFileSync(file, text);
    io.stderr.write(`${done}\n`);
    return true;
  } catch (error) {
    io.stderr.write(`spearmint ${command}: cannot write ${flag} ${given}: ${describeThrown(error)}\n`);
    return false;
  }
}
