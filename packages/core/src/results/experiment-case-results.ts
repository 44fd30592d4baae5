import type { FunctionResult } from './function-result';

/** What a runner returns: main's result, and the variants' when they were awaited. */
export class ExperimentCaseResults<R = unknown> {
  constructor(
    /** The result of the main configuration (the one a direct call returns). */
    readonly mainResult: FunctionResult<R>,
    /** One result per variant, in case order, when variants were awaited; otherwise `[]`. */
    readonly variantResults: FunctionResult<R>[],
  ) {}
}
