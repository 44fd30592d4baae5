import type { FunctionResult } from '../results/function-result';

/** Which execution a hook call is about. */
export interface ExecutionInfo {
  /** The experiment's name, e.g. `'TextService.generate'`. */
  readonly experiment: string;
  readonly role: 'main' | 'variant';
  /** `true` for shadow variants running after the caller got its result. */
  readonly background: boolean;
  /** The entry experiment's `config_id` in this execution's case. */
  readonly configId: string;
}

/**
 * Why a variant does not match main: `different` (`compare` said `false`), `variantFailed`
 * (only the variant threw, rejected or timed out), `mainFailed` (only main failed),
 * `differentErrors` (both failed, with errors that are not deeply equal), `compareFailed`
 * (`compare` threw or returned something other than a boolean).
 */
export type MismatchReason = 'different' | 'variantFailed' | 'mainFailed' | 'differentErrors' | 'compareFailed';

/** Which variant an `onMismatch` call is about, and why it does not match. */
export interface MismatchInfo extends ExecutionInfo {
  readonly role: 'variant';
  readonly reason: MismatchReason;
  /** What `compare` threw (or the `TypeError` for a non-boolean answer); only for `compareFailed`. */
  readonly compareError?: unknown;
}

/** Hooks observe executions; they run after the caller has its result, and their failures are contained. */
export interface ExecutionHooks {
  /** Every main and variant execution, successful or not. */
  onResult?: (result: FunctionResult, info: ExecutionInfo) => unknown;
  /** Errors no caller can see: those of background variants (including timeouts). */
  onError?: (error: unknown, info: ExecutionInfo) => unknown;
  /** A background variant not started because `maxBackgroundVariants` were already in flight. */
  onDrop?: (info: ExecutionInfo) => unknown;
  /**
   * A variant (awaited or background) whose result does not match main's (see `compare`), with
   * main's result, the variant's, and why (`info.reason`).
   *
   * @example
   * ```ts
   * new Spearmint({ onMismatch: (main, variant, info) => log.warn({ ...info, main: main.result, variant: variant.result }) });
   * ```
   */
  onMismatch?: (mainResult: FunctionResult, variantResult: FunctionResult, info: MismatchInfo) => unknown;
}
