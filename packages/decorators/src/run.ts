import { experimentBindingOf, runExperiment } from '@spearmint/core/internal';
import { checkOptions } from './options';
import type { AsyncRunner, Runner, RunOptions } from './types';

type AnyFunction = (...args: any[]) => any;

/**
 * Runs an experiment under your control: `callback` gets a runner taking the function's
 * arguments and returning `ExperimentCaseResults` (a promise of them for async functions);
 * `run` returns what `callback` returns. Call the runner as often as you like.
 *
 * @example
 * ```ts
 * const results = run(svc.generate, true, (runner) => runner('hi'));
 * results.mainResult.result;                 // string
 * results.variantResults.map((v) => v.result);
 * ```
 */
export function run<F extends AnyFunction, T>(fn: F, callback: (runner: Runner<F>) => T): T;
export function run<F extends AnyFunction, T>(fn: F, awaitVariants: boolean | RunOptions, callback: (runner: Runner<F>) => T): T;
export function run(fn: AnyFunction, second: unknown, third?: unknown): unknown {
  const [mode, callback] = runArguments('run()', second, third);
  return callback(makeRunner(fn, mode, 'run()'));
}

/**
 * `run` for async code: the runner always returns a promise, and `arun` returns a promise of
 * what `callback` returns (awaited).
 *
 * @example
 * ```ts
 * await arun(svc.agenerate, true, async (runner) => {
 *   const results = await runner('hi');
 * });
 * ```
 */
export function arun<F extends AnyFunction, T>(fn: F, callback: (runner: AsyncRunner<F>) => T): Promise<Awaited<T>>;
export function arun<F extends AnyFunction, T>(
  fn: F,
  awaitVariants: boolean | RunOptions,
  callback: (runner: AsyncRunner<F>) => T,
): Promise<Awaited<T>>;
export function arun(fn: AnyFunction, second: unknown, third?: unknown): Promise<unknown> {
  try {
    const [mode, callback] = runArguments('arun()', second, third);
    const runner = makeRunner(fn, mode, 'arun()');
    return Promise.resolve(callback((...args: unknown[]) => asPromise(runner, args)));
  } catch (error) {
    return Promise.reject(error);
  }
}

function asPromise(runner: (...args: unknown[]) => unknown, args: unknown[]): Promise<unknown> {
  try {
    return Promise.resolve(runner(...args));
  } catch (error) {
    return Promise.reject(error);
  }
}

interface RunMode {
  readonly awaitVariants: boolean;
  readonly raiseOnMismatch: boolean;
}

function makeRunner(fn: AnyFunction, { awaitVariants, raiseOnMismatch }: RunMode, caller: string): (...args: unknown[]) => unknown {
  const { experiment, bound } = experimentBindingOf(fn, caller);
  if (bound) return (...args) => runExperiment(experiment, bound.thisArg, [...bound.args, ...args], awaitVariants, raiseOnMismatch);
  return (...args) => runExperiment(experiment, undefined, args, awaitVariants, raiseOnMismatch);
}

function runArguments(caller: string, second: unknown, third: unknown): [RunMode, (runner: (...args: unknown[]) => unknown) => unknown] {
  const callback = third === undefined && typeof second === 'function' ? second : third;
  const mode = callback === second ? undefined : second;
  if (typeof callback !== 'function') {
    throw new TypeError(`${caller} expects a callback that receives the runner, as its last argument; got ${typeof callback}.`);
  }
  let options: RunOptions = { awaitVariants: mode as boolean | undefined };
  if (mode !== null && typeof mode === 'object') {
    checkOptions(mode, RUN_OPTION_KEYS, caller);
    options = mode as RunOptions;
  }
  const { awaitVariants = false, raiseOnMismatch = false } = options;
  for (const [name, value] of [['awaitVariants', awaitVariants], ['raiseOnMismatch', raiseOnMismatch]] as const) {
    if (typeof value !== 'boolean') throw new TypeError(`${caller}: expected \`${name}\` to be a boolean, got ${String(value)} (${typeof value}).`);
  }
  if (raiseOnMismatch && !awaitVariants) {
    throw new TypeError(`${caller}: \`raiseOnMismatch\` needs \`awaitVariants: true\` (background variants finish after the runner returns, so there is nothing to raise).`);
  }
  return [{ awaitVariants, raiseOnMismatch }, callback as (runner: (...args: unknown[]) => unknown) => unknown];
}

const RUN_OPTION_KEYS = ['awaitVariants', 'raiseOnMismatch'];
