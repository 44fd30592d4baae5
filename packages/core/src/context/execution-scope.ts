import { AsyncLocalStorage } from 'node:async_hooks';
import type { ExperimentCase } from '../experiment-case';
import { processWide } from '../internal/global';

/**
 * The async context of one execution (main or a variant): its case, and an abort signal made
 * on first use. Nested experiment calls run inside the scope of the execution that made them.
 */
export class ExecutionScope {
  #controller: AbortController | undefined;
  #abortReason: unknown;
  #aborted = false;

  constructor(readonly experimentCase: ExperimentCase) {}

  get signal(): AbortSignal {
    if (!this.#controller) {
      this.#controller = new AbortController();
      if (this.#aborted) this.#controller.abort(this.#abortReason);
    }
    return this.#controller.signal;
  }

  abort(reason: unknown): void {
    if (this.#aborted) return;
    this.#aborted = true;
    this.#abortReason = reason;
    this.#controller?.abort(reason);
  }
}

export const executionStorage = processWide('execution-storage', () => new AsyncLocalStorage<ExecutionScope>());

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
