import { AsyncLocalStorage } from 'node:async_hooks';
import type { Config } from '../config/config';
import type { Experiment } from '../engine/experiment';
import { NestedPlans } from '../engine/nested-plans';
import { ExperimentCase } from '../experiment-case';
import { processWide } from '../internal/global';

/**
 * The async context of one execution (main or a variant) of an entry experiment: its config,
 * its case, and an abort signal. Nested experiment calls run inside the scope of the execution
 * that made them. The case and the signal are made on first use, so a plain call pays for neither.
 */
export class ExecutionScope {
  // TypeScript-private, not #private: this object is made on every call, and plain fields
  // assigned in the constructor are the cheapest V8 can make.
  private lazyCase: ExperimentCase | undefined;
  private abortState: { controller?: AbortController; reason: unknown } | undefined;
  /** @internal Its index among its supervisor's variants in flight; -1 when not one. */
  backgroundSlot: number;

  constructor(
    /** The entry experiment. */
    readonly entry: Experiment,
    /** The entry experiment's config in this execution. */
    readonly config: Config,
    experimentCase?: ExperimentCase,
    /** What nested experiments take part with: the entry call's, shared by its variants. */
    protected plans?: NestedPlans,
  ) {
    this.lazyCase = experimentCase;
    this.abortState = undefined;
    this.backgroundSlot = -1;
  }

  get experimentCase(): ExperimentCase {
    return (this.lazyCase ??= new ExperimentCase([this.entry], [this.config]));
  }

  /** True once an experiment other than the entry took part (or the case was given). */
  get joined(): boolean {
    return this.lazyCase !== undefined && this.lazyCase.experiments.length > 1;
  }

  /**
   * The config of `experiment` in this case; a nested experiment joins with the main config its
   * own strategy picks for the entry call (see `NestedPlans`).
   */
  configFor(experiment: Experiment): Config {
    if (experiment === this.entry) return this.config;
    const experimentCase = this.experimentCase;
    let config = experimentCase.configFor(experiment);
    if (config === undefined) {
      config = this.nestedPlans().mainFor(experiment);
      experimentCase.assign(experiment, config);
      this.joinedBy();
    }
    return config;
  }

  /** Called when a nested experiment first takes part in this execution. */
  protected joinedBy(): void {}

  /** The plans of the entry call's nested experiments (made on first use). */
  nestedPlans(): NestedPlans {
    return (this.plans ??= new NestedPlans(this.entry, undefined));
  }

  get signal(): AbortSignal {
    const state = (this.abortState ??= { reason: undefined });
    if (!state.controller) {
      state.controller = new AbortController();
      if (state.reason !== undefined) state.controller.abort(state.reason);
    }
    return state.controller.signal;
  }

  /** Aborts the signal (now, or when it is first read) with `reason`; only the first call counts. */
  abort(reason: unknown): void {
    const state = (this.abortState ??= { reason: undefined });
    if (state.reason !== undefined) return;
    state.reason = reason ?? new Error('aborted');
    state.controller?.abort(state.reason);
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
