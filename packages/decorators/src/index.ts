/**
 * `@spearmint/decorators`: `Spearmint`, the `experiment()` decorator (stage-3 and legacy
 * modes, and plain functions), `run()` and `arun()`; re-exports everything public of
 * `@spearmint/core`, so an app needs this one import.
 *
 * @packageDocumentation
 * @module @spearmint/decorators
 */
// Decorating and running
export { Spearmint, experiment } from './spearmint';
export { run, arun } from './run';
export type { ExperimentOptions, SpearmintOptions } from './options';
export type { ExperimentDecorator, Runner, AsyncRunner, RunnerResult, RunOptions } from './types';

// Everything public from @spearmint/core, so an app needs one import (a test checks that nothing drifts)
export * from '@spearmint/core';
