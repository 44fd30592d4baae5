import { describeValue } from '../internal/describe';
import type { Evaluator, EvaluatorFunction, Evaluators, MetricDirection } from './evaluator';

/** An evaluator with its name and direction settled. */
export interface NamedEvaluator {
  readonly name: string;
  readonly score: EvaluatorFunction<any, any, any>;
  readonly better: MetricDirection;
}

/**
 * Names every evaluator: an array item by its function's `name` (or its `name` option), a
 * record entry by its key (unless its `name` option says otherwise). Names must be unique and
 * must not contain '.', which separates an evaluator's name from its sub-metrics.
 */
export function namedEvaluators(evaluators: Evaluators<any, any, any>): NamedEvaluator[] {
  if (evaluators === null || typeof evaluators !== 'object') {
    throw new TypeError(
      `Expected \`evaluators\` to be an array of evaluators or a record of named evaluators, got ${describeValue(evaluators)}.`,
    );
  }
  const entries: [string | undefined, unknown, string][] = Array.isArray(evaluators)
    ? evaluators.map((evaluator, i) => [undefined, evaluator, `evaluators[${i}]`])
    : Object.entries(evaluators).map(([key, evaluator]) => [key, evaluator, `evaluators.${key}`]);
  const named = entries.map(([key, evaluator, where]) => nameOne(key, evaluator, where));
  const seen = new Set<string>();
  for (const { name } of named) {
    if (seen.has(name)) throw new TypeError(`Two evaluators are named '${name}'; give each evaluator its own name (metrics are named after them).`);
    seen.add(name);
  }
  return named;
}

function nameOne(key: string | undefined, evaluator: unknown, where: string): NamedEvaluator {
  let score: unknown = evaluator;
  let name = key;
  let better: unknown = 'higher';
  if (evaluator !== null && typeof evaluator === 'object') {
    const definition = evaluator as Exclude<Evaluator, Function>;
    score = definition.score;
    name = definition.name ?? key;
    better = definition.better ?? 'higher';
  } else if (typeof evaluator === 'function') {
    name = key ?? evaluator.name;
  }
  if (typeof score !== 'function') {
    throw new TypeError(`Expected ${where} to be a function or { name?, score, better? } with a score function, got ${describeValue(evaluator)}.`);
  }
  if (typeof name !== 'string' || name === '') {
    throw new TypeError(
      `${where} has no name, and metrics are named after their evaluator: use a named function, ` +
        "an object { name: 'recall', score }, or a record of evaluators { recall: fn }.",
    );
  }
  if (name.includes('.')) {
    throw new TypeError(`Evaluator name '${name}' (${where}) contains '.', which separates an evaluator's name from its sub-metrics; rename it.`);
  }
  if (better !== 'higher' && better !== 'lower') {
    throw new TypeError(`Expected \`better\` of evaluator '${name}' to be 'higher' or 'lower', got ${describeValue(better)}.`);
  }
  return { name, score: score as EvaluatorFunction, better };
}
