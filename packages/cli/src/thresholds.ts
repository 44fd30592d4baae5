import type { EvaluationResult, MetricDirection } from '@spearmint/decorators';
import { formatRate, formatScore } from './format-numbers';
import { UsageError } from './usage-error';

/**
 * A minimum (or, for lower-is-better metrics, maximum) for a config's mean of a metric: the best
 * config's (`recall=0.8`), the first config's (`recall@main=0.8`) or a given config's
 * (`recall@lead-2=0.8`).
 */
export interface Threshold {
  readonly metric: string;
  readonly value: number;
  /** `undefined`: the best config of the metric; `'main'`: the first config; else a `config_id`. */
  readonly config?: string;
}

/** The config a threshold judged, with its mean and error rate. */
export interface JudgedConfig {
  readonly configId: string;
  readonly mean: number;
  readonly errorRate: number;
}

/** How one threshold fared. */
export interface ThresholdOutcome extends Threshold {
  readonly better: MetricDirection | undefined;
  /** Absent when the config has no score for the metric (or no config has, for the best). */
  readonly judged?: JudgedConfig;
  readonly passed: boolean;
}

/** `metric`, `metric@main` or `metric@configId`: how thresholds are keyed (in flags and the definition). */
export function thresholdKey({ metric, config }: Pick<Threshold, 'metric' | 'config'>): string {
  return config === undefined ? metric : `${metric}@${config}`;
}

/** Splits `recall@lead-2` at its first '@' (config ids may hold '@'; metric names should not). */
function splitKey(key: string): Pick<Threshold, 'metric' | 'config'> {
  const at = key.indexOf('@');
  if (at === -1) return { metric: key.trim() };
  return { metric: key.slice(0, at).trim(), config: key.slice(at + 1).trim() };
}

/** Parses `metric=value` or `metric@config=value` (from `--threshold`). */
export function parseThreshold(text: string): Threshold {
  const match = /^([^=]+)=(.+)$/.exec(text);
  const value = match ? Number(match[2]!.trim()) : NaN;
  const key = match ? splitKey(match[1]!) : undefined;
  if (!match || !Number.isFinite(value) || key!.metric === '' || key!.config === '') {
    throw new UsageError(
      `--threshold expects metric=value or metric@configId=value with a number as value, such as --threshold recall=0.8 or recall@main=0.8; got '${text}'.`,
      true,
    );
  }
  return { ...key!, value };
}

/** The definition's thresholds, then the command line's; a key given twice keeps the last value. */
export function mergeThresholds(fromDefinition: Readonly<Record<string, number>> | undefined, fromFlags: readonly Threshold[]): Threshold[] {
  const merged = new Map<string, Threshold>();
  for (const [key, value] of Object.entries(fromDefinition ?? {})) {
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      throw new UsageError(`The definition's threshold for '${key}' must be a finite number, got ${String(value)} (${typeof value}).`);
    }
    const threshold = { ...splitKey(key), value };
    merged.set(thresholdKey(threshold), threshold);
  }
  for (const threshold of fromFlags) merged.set(thresholdKey(threshold), threshold);
  return [...merged.values()];
}

/**
 * Checks each threshold against its config. A metric that is neither a metric of the result nor
 * an evaluator that failed on every output, or a config the result does not have, is a
 * `UsageError` (a typo); the evaluation checks both earlier, as soon as it can.
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
    const judged = judgedConfig(threshold, result);
    const passed = judged !== undefined && (metric.better === 'higher' ? judged.mean >= threshold.value : judged.mean <= threshold.value);
    return { ...threshold, better: metric.better, ...(judged ? { judged } : {}), passed };
  });
}

function judgedConfig(threshold: Threshold, result: EvaluationResult): JudgedConfig | undefined {
  if (threshold.config === undefined) return result.best[threshold.metric];
  const config = threshold.config === 'main' ? result.configs[0] : result.configs.find((candidate) => candidate.configId === threshold.config);
  if (!config) {
    if (result.configs.length === 0) return undefined;
    throw new UsageError(
      `Unknown config '${threshold.config}' in the threshold ${thresholdKey(threshold)}: the configs are ${result.configs.map((c) => `'${c.configId}'`).join(', ')} ('main' is the first).`,
    );
  }
  const mean = config.metrics[threshold.metric]?.mean;
  return mean === undefined ? undefined : { configId: config.configId, mean, errorRate: config.errorRate };
}

/** One line per threshold: `threshold recall >= 0.8: best config 'a' has 0.850 (errors 0.0%) - met`. */
export function formatThresholdOutcome(outcome: ThresholdOutcome): string {
  const op = outcome.better === 'lower' ? '<=' : '>=';
  const role = outcome.config === undefined ? 'best config' : outcome.config === 'main' ? 'main config' : 'config';
  const judged = outcome.judged
    ? `${role} '${outcome.judged.configId}' has ${formatScore(outcome.judged.mean)} (errors ${formatRate(outcome.judged.errorRate)})`
    : outcome.config === undefined
      ? 'no config has a score for it'
      : `${role}${outcome.config === 'main' ? '' : ` '${outcome.config}'`} has no score for it`;
  return `threshold ${thresholdKey(outcome)} ${op} ${outcome.value}: ${judged} - ${outcome.passed ? 'met' : 'NOT MET'}`;
}
