import type { BestConfig, EvaluationResult, MetricDirection } from '@spearmint/decorators';
import { UsageError } from './usage-error';

/** A minimum (or, for lower-is-better metrics, maximum) for the best config's mean of a metric. */
export interface Threshold {
  readonly metric: string;
  readonly value: number;
}

/** How one threshold fared. */
export interface ThresholdOutcome extends Threshold {
  readonly better: MetricDirection | undefined;
  /** The best config of the metric; absent when no config has a score for it. */
  readonly best?: BestConfig;
  readonly passed: boolean;
}

/** Parses `metric=value` (from `--threshold`). */
export function parseThreshold(text: string): Threshold {
  const match = /^([^=]+)=(.+)$/.exec(text);
  const value = match ? Number(match[2]!.trim()) : NaN;
  if (!match || !Number.isFinite(value)) {
    throw new UsageError(`--threshold expects metric=value with a number as value, such as --threshold recall=0.8; got '${text}'.`, true);
  }
  return { metric: match[1]!.trim(), value };
}

/** The definition's thresholds, then the command line's; a metric given twice keeps the last value. */
export function mergeThresholds(fromDefinition: Readonly<Record<string, number>> | undefined, fromFlags: readonly Threshold[]): Threshold[] {
  const merged = new Map<string, number>();
  for (const [metric, value] of Object.entries(fromDefinition ?? {})) {
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      throw new UsageError(`The definition's threshold for '${metric}' must be a finite number, got ${String(value)} (${typeof value}).`);
    }
    merged.set(metric, value);
  }
  for (const { metric, value } of fromFlags) merged.set(metric, value);
  return [...merged].map(([metric, value]) => ({ metric, value }));
}

/**
 * Checks each threshold against the best config. A metric that is neither a metric of the result
 * nor an evaluator that failed on every output is a `UsageError` (a typo), listing the metrics.
 */
export function checkThresholds(thresholds: readonly Threshold[], result: EvaluationResult): ThresholdOutcome[] {
  const failingEvaluators = new Set(result.configs.flatMap((config) => Object.keys(config.evaluatorErrors)));
  return thresholds.map((threshold) => {
    const metric = result.metrics.find((candidate) => candidate.name === threshold.metric);
    if (!metric) {
      if (failingEvaluators.has(threshold.metric)) return { ...threshold, better: undefined, passed: false };
      const known = result.metrics.map((m) => m.name);
      throw new UsageError(
        `Unknown metric '${threshold.metric}' in a threshold (--threshold or the definition's thresholds): ${known.length > 0 ? `the metrics are ${known.map((m) => `'${m}'`).join(', ')}` : 'the evaluation has no metrics'}.`,
      );
    }
    const best = result.best[metric.name];
    const passed = best !== undefined && (metric.better === 'higher' ? best.mean >= threshold.value : best.mean <= threshold.value);
    return { ...threshold, better: metric.better, ...(best ? { best } : {}), passed };
  });
}

/** One line per threshold: `threshold recall >= 0.8: best 'a' 0.850 - met`. */
export function formatThresholdOutcome(outcome: ThresholdOutcome): string {
  const op = outcome.better === 'lower' ? '<=' : '>=';
  const best = outcome.best ? `best config '${outcome.best.configId}' has ${outcome.best.mean.toFixed(3)}` : 'no config has a score for it';
  return `threshold ${outcome.metric} ${op} ${outcome.value}: ${best} - ${outcome.passed ? 'met' : 'NOT MET'}`;
}
