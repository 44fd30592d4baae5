import type { Config } from '../config/config';
import type { RequestValues } from '../context/request-context';
import type { CaseMember } from '../results/case-member';
import type { Recorder } from '../recording/recorder';
import type { Clean, Ignore } from '../supervision/clean-and-ignore';
import type { Compare } from '../supervision/compare';
import type { ComparisonTally } from '../supervision/comparison-tally';
import type { SampleRate } from '../supervision/sample-rate';
import type { Supervisor } from '../supervision/supervisor';

/** The main config and the variant configs of one entry call. */
export type CasePlan = readonly [main: Config, variants: readonly Config[]];

/**
 * What running an experiment needs of it. Declared here, so the engine imports nothing of the
 * layer that defines experiments; `Experiment` (experiment/experiment.ts) implements it.
 */
export interface RunnableExperiment extends CaseMember {
  /** Its configs (the default config when it has none). */
  readonly configs: readonly Config[];
  readonly supervisor: Supervisor;
  readonly compare: Compare;
  /** What main and each variant are compared by; `undefined`: a snapshot of main's plain data, the variant as is. */
  readonly clean: Clean | undefined;
  /** Accepts some mismatches; `undefined`: none. */
  readonly ignore: Ignore | undefined;
  /** Which entry calls run their background variants; `undefined`: every one. */
  readonly sampleRate: SampleRate | undefined;
  /** Where its entry calls are recorded; `undefined`: nowhere. */
  readonly recorder: Recorder | undefined;
  /** How its variants compared with main, per config. */
  readonly comparisons: ComparisonTally;
  /** True for an `async function`: a strategy's failure then rejects the call's promise rather than throwing. */
  readonly isAsync: boolean;
  /**
   * What experiments nested in its calls take part with when it is the entry experiment:
   * `'strategy'`, what their own strategy returns; `'all'`, every config, the first as main.
   */
  readonly nestedConfigs: 'strategy' | 'all';
  /** Main and variant configs for one entry call, from its strategy (in the request context in force). */
  plan(): CasePlan;
  /** `plan()` in the request values of an entry call (a nested experiment's plan). */
  planIn(requestValues: RequestValues | undefined): CasePlan;
  /**
   * Calls the function with `config` injected into the arguments that receive it (where the
   * caller passed nothing or `undefined`). `args` is the call's own array: it may be filled for
   * the call, but is as the caller gave it again when `invoke` returns (or throws).
   */
  invoke(thisArg: unknown, args: unknown[], config: Config): unknown;
}
