import { describeValue } from '../internal/describe';
import { isPromiseLike } from '../internal/is-promise-like';
import { describeError } from './describe-error';
import type { EvaluatorContext } from './evaluator';
import type { NamedEvaluator } from './named-evaluators';

/** The scores of one output: metric name → score, and evaluator name → why it failed. */
export interface OutputScores {
  readonly metrics: Record<string, number>;
  readonly evaluatorErrors: Record<string, string>;
}

/**
 * Runs every evaluator on one output, one after another. An evaluator that throws, rejects or
 * returns anything but a finite number, a record of finite numbers or a scorer's `{ name, score }`
 * adds no metric for this output and is recorded as an evaluator error; it never stops the
 * evaluation.
 */
export async function scoreOutput(evaluators: readonly NamedEvaluator[], ctx: EvaluatorContext): Promise<OutputScores> {
  const metrics: Record<string, number> = {};
  const evaluatorErrors: Record<string, string> = {};
  for (const evaluator of evaluators) {
    let score: unknown;
    try {
      score = evaluator.score(ctx);
      if (isPromiseLike(score)) score = await score;
    } catch (error) {
      evaluatorErrors[evaluator.name] = `threw ${describeError(error)}`;
      continue;
    }
    let problem: string | undefined;
    try {
      problem = addScore(metrics, evaluator.name, score);
    } catch (error) {
      problem = `returned a value that could not be read: ${describeError(error)}`; // a throwing getter or Proxy trap
    }
    if (problem !== undefined) evaluatorErrors[evaluator.name] = problem;
  }
  return { metrics, evaluatorErrors };
}

/** Adds a valid score to `metrics`; returns what is wrong with an invalid one (and adds nothing). */
function addScore(metrics: Record<string, number>, name: string, score: unknown): string | undefined {
  if (typeof score === 'number') {
    if (!Number.isFinite(score)) return `returned ${score}; a score must be a finite number`;
    metrics[name] = score;
    return undefined;
  }
  if (score === null || typeof score !== 'object' || Array.isArray(score)) {
    return `returned ${describeValue(score)}; expected a finite number, a record of finite numbers or { name, score }`;
  }
  const named = namedScore(score);
  if (named !== undefined) {
    if (named.score === null) return `returned a null score from scorer '${named.name}' (it gave no score for this output)`;
    if (typeof named.score !== 'number' || !Number.isFinite(named.score)) {
      return `returned { name: '${named.name}', score: ${describeValue(named.score)} }; a score must be a finite number`;
    }
    metrics[name] = named.score;
    return undefined;
  }
  const entries = Object.entries(score);
  const bad = entries.find(([, value]) => typeof value !== 'number' || !Number.isFinite(value));
  if (bad) return `returned a record whose '${bad[0]}' is ${describeValue(bad[1])}; every score must be a finite number`;
  for (const [key, value] of entries) metrics[`${name}.${key}`] = value as number;
  return undefined;
}

/** `{ name, score }` as scorer libraries (autoevals) return it: a string `name` and a `score` key. */
function namedScore(value: object): { name: string; score: unknown } | undefined {
  const { name } = value as { name?: unknown };
  if (typeof name !== 'string' || !('score' in value)) return undefined;
  return { name, score: (value as { score: unknown }).score };
}
