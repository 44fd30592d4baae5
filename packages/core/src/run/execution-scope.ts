import type { AsyncLocalStorage } from 'node:async_hooks';
import type { Config } from '../config/config';
import { type CurrentExecution, executionStorage } from '../context/current-execution';
import { ExperimentCase } from '../results/experiment-case';
import type { SupervisedExecution } from '../supervision/supervisor';
import type { TracedExecution } from '../tracing/call-trace';
import type { NestedPlans } from './nested-plans';
import type { RunnableExperiment } from './runnable-experiment';

/** Where the scopes of one entry call find the plans of its nested experiments: the entry scope. */
export interface PlansHolder {
  nestedPlans(): NestedPlans;
}

/**
 * The async context of one execution (main or a variant) of an entry experiment: its config,
 * its case, and an abort signal. Nested experiment calls run inside the scope of the execution
 * that made them. The case and the signal are made on first use, so a plain call pays for neither.
 */
export class ExecutionScope implements CurrentExecution, SupervisedExecution, TracedExecution {
  // TypeScript-private, not #private: this object is made on every call, and plain fields
  // assigned in the constructor are the cheapest V8 can make.
  private lazyCase: ExperimentCase | undefined;
  private abortState: { controller?: AbortController; reason: unknown } | undefined;
  /** Its index among its supervisor's variants in flight; -1 when not one. */
  backgroundSlot: number;

  constructor(
    /** The entry experiment. */
    readonly entry: RunnableExperiment,
    /** The entry experiment's config in this execution. */
    readonly config: Config,
    experimentCase?: ExperimentCase,
    /** The entry scope, whose nested plans its variants share; none for the entry scope itself. */
    private readonly holder?: PlansHolder,
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

  /** The experiments of the case, entry first: every one joined through `configFor`, so each is runnable. */
  get members(): readonly RunnableExperiment[] {
    return this.experimentCase.experiments as readonly RunnableExperiment[];
  }

  /**
   * The config of `experiment` in this case; a nested experiment joins with the main config its
   * own strategy picks for the entry call (see `NestedPlans`).
   */
  configFor(experiment: RunnableExperiment): Config {
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

  /** The plans of the entry call's nested experiments, shared by main and its variants. */
  nestedPlans(): NestedPlans {
    return this.holder!.nestedPlans();
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

/** The execution storage as the engine, its only writer, fills it: with `ExecutionScope`s. */
export const scopeStorage = executionStorage as AsyncLocalStorage<ExecutionScope>;
