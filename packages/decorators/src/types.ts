import type { ExperimentCaseResults } from '@spearmint/core';

type AnyFunction = (...args: any[]) => any;

/**
 * What `mint.experiment()` returns: a method decorator in both decorator modes, and a
 * higher-order function for plain functions. The decorated function keeps its type.
 */
export interface ExperimentDecorator {
  // standard (TC39 stage-3)
  /**
   * A stage-3 method decorator (`@mint.experiment()` without `experimentalDecorators`).
   * @typeParam F - the method's type, kept by the returned method.
   */
  <This, F extends (this: This, ...args: any[]) => any>(value: F, context: ClassMethodDecoratorContext<This, F>): F;
  // legacy (experimentalDecorators)
  <F extends AnyFunction>(target: object, key: string | symbol, descriptor: TypedPropertyDescriptor<F>): TypedPropertyDescriptor<F>;
  // plain function
  <F extends AnyFunction>(fn: F): F;
}

/**
 * The case results a runner gives for a function returning `R`: a promise of them when `R` is
 * one. A function returning `any` (say, `config.model` of an untyped `Config`) is taken as sync.
 */
export type RunnerResult<R> = 0 extends 1 & R
  ? ExperimentCaseResults<any>
  : R extends PromiseLike<infer U>
    ? Promise<ExperimentCaseResults<U>>
    : ExperimentCaseResults<R>;

/** The runner `run()` hands its callback: the experiment's parameters, the case results back. */
export type Runner<F extends AnyFunction> = (...args: Parameters<F>) => RunnerResult<ReturnType<F>>;

/** The runner `arun()` hands its callback: always a promise of the case results. */
export type AsyncRunner<F extends AnyFunction> = (...args: Parameters<F>) => Promise<ExperimentCaseResults<Awaited<ReturnType<F>>>>;

/** Options of `run()` / `arun()`. */
export interface RunOptions {
  /**
   * `true`: every variant has finished before the runner returns, and `variantResults` holds
   * them in case order. `false`: variants run in the background and `variantResults` is `[]`.
   * @default false
   */
  awaitVariants?: boolean;
  /**
   * With `awaitVariants: true`: a variant that does not match main (see `compare`, `clean` and
   * `ignore`) makes the runner throw (or reject with) a `MismatchError` naming the experiment,
   * the variant's `config_id` and both values. For tests that pin a refactoring to the old code.
   * @default false
   */
  raiseOnMismatch?: boolean;
}
