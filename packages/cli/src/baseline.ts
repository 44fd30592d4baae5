import type { BaselineComparison, EvaluationPlan, EvaluationResult } from '@spearmint/decorators';
import { formatScore } from './format-numbers';
import type { SavedRun } from './saved-run';
import { UsageError } from './usage-error';

/** `--baseline`: the comparison, with the file it came from. */
export interface BaselineReport extends BaselineComparison {
  /** The baseline file, as given on the command line. */
  readonly file: string;
}

/** Before any record: the baseline must be a run of the same experiment, with the metrics `--max-regression` names. */
export function checkBaselineAtStart(baseline: SavedRun, plan: EvaluationPlan, maxRegressions: readonly MaxRegression[]): void {
  if (baseline.experiment !== plan.experiment) {
    throw new UsageError(
      `--baseline ${baseline.file} is a run of '${baseline.experiment}', and this evaluation is of '${plan.experiment}': ` +
        'compare runs of the same experiment. Nothing was evaluated.',
    );
  }
  for (const { metric } of maxRegressions) {
    if (!baseline.metrics.some((candidate) => candidate.name === metric)) {
      throw new UsageError(
        `--max-regression ${metric}: the baseline ${baseline.file} has no metric '${metric}' (it has ${list(baseline.metrics.map((m) => m.name))}). Nothing was evaluated.`,
      );
    }
  }
}

/** After the first record: the run and the baseline must have a config in common. */
export function checkCommonConfigs(baseline: SavedRun, experiment: string, configIds: readonly string[]): void {
  if (configIds.some((id) => baseline.configs.some((config) => config.configId === id))) return;
  throw new UsageError(
    `--baseline ${baseline.file} (a run of '${baseline.experiment}') has no config in common with this evaluation of '${experiment}': ` +
      `the baseline has ${list(baseline.configs.map((c) => c.configId))}, this run has ${list(configIds)} (configs are matched by config_id). ` +
      'The evaluation stopped after its first record.',
  );
}

/** `--max-regression metric=delta`: how much worse than the baseline a config may get on a metric. */
export interface MaxRegression {
  readonly metric: string;
  readonly delta: number;
}

/** How one config fared against one `--max-regression`. */
export interface RegressionOutcome extends MaxRegression {
  readonly configId: string;
  /** How much worse than the baseline the mean got (negative: better), in the metric's units. */
  readonly worseBy: number;
  readonly exceeded: boolean;
}

/** Parses `metric=delta` (a number from 0 up). */
export function parseMaxRegression(text: string): MaxRegression {
  const match = /^([^=]+)=(.+)$/.exec(text);
  const delta = match ? Number(match[2]!.trim()) : NaN;
  if (!match || !Number.isFinite(delta) || delta < 0 || match[1]!.trim() === '') {
    throw new UsageError(`--max-regression expects metric=delta with a number from 0 up as delta, such as --max-regression recall=0.02; got '${text}'.`, true);
  }
  return { metric: match[1]!.trim(), delta };
}

/**
 * For every `--max-regression` and every config common to both runs that has the metric in both:
 * how much worse its mean got (the point estimate, in the metric's direction), exceeded when by
 * more than `delta`.
 */
export function checkMaxRegressions(limits: readonly MaxRegression[], comparison: BaselineComparison, result: EvaluationResult): RegressionOutcome[] {
  return limits.flatMap((limit) => {
    const better = result.metrics.find((metric) => metric.name === limit.metric)?.better ?? 'higher';
    return comparison.rows
      .filter((row) => row.metric === limit.metric)
      .map((row) => {
        const worseBy = (better === 'higher' ? -row.diff : row.diff) + 0; // + 0: no -0
        return { ...limit, configId: row.configId, worseBy, exceeded: worseBy > limit.delta };
      });
  });
}

/** `max regression recall 0.02: config 'a' got worse by 0.050 - EXCEEDED`. */
export function formatRegressionOutcome(outcome: RegressionOutcome): string {
  const moved = outcome.worseBy > 0 ? `got worse by ${formatScore(outcome.worseBy)}` : outcome.worseBy < 0 ? `got better by ${formatScore(-outcome.worseBy)}` : 'did not move';
  return `max regression ${outcome.metric} ${outcome.delta}: config '${outcome.configId}' ${moved} - ${outcome.exceeded ? 'EXCEEDED' : 'ok'}`;
}

function list(names: readonly string[]): string {
  return names.length === 0 ? 'none' : names.map((name) => `'${name}'`).join(', ');
}
