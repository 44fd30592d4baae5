import type { ExperimentCase } from './experiment-case';

/** The outcome of one execution of an experiment function: main or one variant. */
export class FunctionResult<R = unknown> {
  /**
   * For a variant: whether it agrees with main (see the `compare` option: both returned and
   * `compare` said so, or both failed with deeply equal errors). `undefined` for main, and for
   * an execution inside another experiment's run.
   */
  readonly matchesMain: boolean | undefined;

  constructor(
    /** The function's return value (awaited when it returned a promise); `undefined` when it failed. */
    readonly result: R | undefined,
    /** The case this execution ran with. */
    readonly experimentCase: ExperimentCase,
    /** How long the execution took, until its promise settled for async functions. */
    readonly durationMs: number,
    /** `true` when the function returned (or resolved); `false` when it threw, rejected or timed out. */
    readonly ok: boolean,
    /** What the function threw or rejected with (or a `VariantTimeoutError`); absent when `ok`. */
    readonly error?: unknown,
  ) {
    // Set by the engine once the variant is compared; assigned here so every result has one shape.
    this.matchesMain = undefined;
  }
}
