import type { FunctionResult } from '../function-result';

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

/** Hooks observe executions; they run after the caller has its result, and their failures are contained. */
export interface ExecutionHooks {
  /** Every main and variant execution, successful or not. */
  onResult?: (result: FunctionResult, info: ExecutionInfo) => unknown;
  /** Errors no caller can see: those of background variants (including timeouts). */
  onError?: (error: unknown, info: ExecutionInfo) => unknown;
  /** A background variant not started because `maxBackgroundVariants` were already in flight. */
  onDrop?: (info: ExecutionInfo) => unknown;
}
