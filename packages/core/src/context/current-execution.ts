import { AsyncLocalStorage } from 'node:async_hooks';
import { processWide } from '../internal/global';
import type { ExperimentCase } from '../results/experiment-case';

/** What user code can learn about the execution (main or a variant) it runs in. */
export interface CurrentExecution {
  readonly experimentCase: ExperimentCase;
  readonly signal: AbortSignal;
}

/**
 * The async context of executions. Only the engine (run/) writes it, always with its own scope
 * objects; process-wide, so the ES module and CommonJS builds loaded together share it.
 */
export const executionStorage = processWide('execution-storage', () => new AsyncLocalStorage<CurrentExecution>());

/**
 * The `ExperimentCase` of the execution this code runs in (main or a variant, through any
 * number of awaits and nested calls), or `undefined` outside any experiment.
 */
export function currentCase(): ExperimentCase | undefined {
  return executionStorage.getStore()?.experimentCase;
}

/**
 * The `AbortSignal` of the execution this code runs in, or `undefined` outside one. It aborts
 * when a variant exceeds `variantTimeoutMs` or `drain(timeoutMs)` gives up on it: pass it to
 * `fetch` and the like, or check `signal.aborted`, to stop work nobody will read.
 */
export function currentSignal(): AbortSignal | undefined {
  return executionStorage.getStore()?.signal;
}
