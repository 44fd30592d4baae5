import type { EvaluationPlan } from '@spearmint/decorators';
import type { RecordLike } from './record-lines';
import { UsageError } from './usage-error';

/** A metric (and maybe a config) named on the command line or in the definition. */
export interface MetricReference {
  readonly metric: string;
  /** A `config_id`, or `'main'`; absent when the reference is to no particular config. */
  readonly config?: string;
  /** Where it was named, for messages: `--max-regression`, `a threshold (--threshold or ...)`. */
  readonly where: string;
}

/**
 * Checks metric and config names as soon as they can be known, so a typo costs no paid call:
 * evaluator names before the first record (`atStart`), sub-metrics such as `rouge.p` and config
 * ids after the first record that shows them (`afterRecord`, which the evaluation lets abort the
 * run). Every problem is a `UsageError` listing what would be right.
 */
export class MetricReferences {
  #pendingMetrics: MetricReference[];
  #pendingConfigs: MetricReference[];
  #evaluators: readonly string[] = [];

  constructor(references: readonly MetricReference[]) {
    this.#pendingMetrics = [...references];
    this.#pendingConfigs = references.filter((reference) => reference.config !== undefined && reference.config !== 'main');
  }

  /** Every metric must be an evaluator's name or `evaluator.key`. */
  atStart(plan: EvaluationPlan): void {
    this.#evaluators = plan.evaluators.map((evaluator) => evaluator.name);
    for (const reference of this.#pendingMetrics) {
      if (!this.#evaluators.includes(evaluatorOf(reference.metric))) {
        throw new UsageError(
          `Unknown metric '${reference.metric}' in ${reference.where}: ${
            this.#evaluators.length > 0 ? `the evaluators are ${list(this.#evaluators)} (a metric is an evaluator's name, or evaluator.key for one that returns several scores)` : 'the evaluation has no evaluators'
          }. Nothing was evaluated.`,
        );
      }
    }
  }

  /**
   * Settles the references a finished record can tell about: config ids (from the first record)
   * and each evaluator's metric names (from the first record it scored).
   */
  afterRecord(record: RecordLike): void {
    if (this.#pendingConfigs.length > 0) {
      const ids = [...new Set(record.executions.map((execution) => execution.configId))];
      for (const reference of this.#pendingConfigs) {
        if (!ids.includes(reference.config!)) {
          throw new UsageError(`Unknown config '${reference.config}' in ${reference.where}: the configs are ${list(ids)} ('main' is the first). The evaluation stopped after its first record.`);
        }
      }
      this.#pendingConfigs = [];
    }
    if (this.#pendingMetrics.length === 0) return;
    const scored = new Set(record.executions.flatMap((execution) => Object.keys(execution.metrics)));
    this.#pendingMetrics = this.#pendingMetrics.filter((reference) => {
      const evaluator = evaluatorOf(reference.metric);
      const ofEvaluator = [...scored].filter((name) => evaluatorOf(name) === evaluator);
      if (ofEvaluator.length === 0) return true; // not scored yet: wait for a record it scores
      if (!ofEvaluator.includes(reference.metric)) {
        throw new UsageError(
          `Unknown metric '${reference.metric}' in ${reference.where}: evaluator '${evaluator}' gives ${list(ofEvaluator)}. The evaluation stopped after the first record it scored.`,
        );
      }
      return false;
    });
  }
}

function evaluatorOf(metric: string): string {
  const dot = metric.indexOf('.');
  return dot === -1 ? metric : metric.slice(0, dot);
}

function list(names: readonly string[]): string {
  return names.map((name) => `'${name}'`).join(', ');
}
