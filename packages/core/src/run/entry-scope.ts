import type { Config } from '../config/config';
import { currentRequestValues } from '../context/request-context';
import type { FunctionResult } from '../results/function-result';
import type { MismatchReason } from '../supervision/hooks';
import type { CallTrace } from '../tracing/call-trace';
import { ExecutionScope } from './execution-scope';
import { NestedPlans } from './nested-plans';
import type { RunnableExperiment } from './runnable-experiment';

/**
 * What the caller of an entry call wants back. `direct`: main's value, variants in the
 * background. `background`: case results with main only, variants in the background.
 * `await`: case results with every variant, all finished first.
 */
export type Mode = 'direct' | 'background' | 'await';

/**
 * Main's outcome, as the engine keeps it for comparing the variants with it: main's
 * `FunctionResult` whenever one was built (always when an `onMismatch` hook exists), else
 * the same three fields in a plain object.
 */
export type MainOutcome = Pick<FunctionResult, 'ok' | 'result' | 'error'>;

/** A variant that does not match main (and that `ignore` did not accept), as `raiseOnMismatch` reports it. */
export interface Mismatch {
  /** The variant's place among the call's variants: the first in case order is reported. */
  readonly index: number;
  readonly configId: string;
  readonly reason: MismatchReason;
  /** What was compared: the cleaned values, or the errors of a failed side. */
  readonly mainValue: unknown;
  readonly variantValue: unknown;
}

/** A call picked for recording: its arguments, copied at entry, and when it started. */
export interface Recording {
  readonly input: unknown[];
  readonly timestamp: number;
}

/** The main execution of an entry call, holding what its variants need to repeat the call. */
export class EntryScope extends ExecutionScope {
  /** When main started (`performance.now()`), where its duration is wanted. */
  started = 0;
  /** The call's spans; `undefined` unless a tracer provider is registered. */
  trace: CallTrace | undefined = undefined;
  /** Main's outcome, kept once it settled when there are variants to compare with it. */
  main: MainOutcome | undefined = undefined;
  /** What the variants are compared with: main's value as `clean` saw it when main returned. */
  mainComparable: unknown = undefined;
  /** What `clean` threw on main's value (every comparison of the call then fails with it). */
  mainCleanError: { readonly error: unknown } | undefined = undefined;
  /** `sampleRate` left this call out: it runs no background variants. */
  sampledOut = false;
  /** Set for a call the recorder picked. */
  recording: Recording | undefined = undefined;
  /** A runner's `raiseOnMismatch`: the first mismatching awaited variant makes the runner throw. */
  raiseOnMismatch = false;
  /** The first awaited variant (in case order) that does not match main. */
  mismatch: Mismatch | undefined = undefined;
  /** Main's promise, when it went to the caller with nothing observing it (start-entry.ts). */
  unobserved: Promise<unknown> | undefined = undefined;
  /** Set with `unobserved`: called once if a nested experiment joins later, to observe main after all. */
  onJoin: ((scope: EntryScope) => void) | undefined = undefined;
  /** The request values of the call, for the strategies of nested experiments (asked when they join). */
  readonly requestValues = currentRequestValues();
  private plans: NestedPlans | undefined = undefined;

  constructor(
    entry: RunnableExperiment,
    main: Config,
    readonly variantConfigs: readonly Config[],
    readonly thisArg: unknown,
    /** The caller's arguments: each execution injects its own config for its call only (`invoke`). */
    readonly args: unknown[],
    readonly mode: Mode,
  ) {
    super(entry, main);
  }

  /** The plans of the call's nested experiments, made when the first one joins (main's or a variant's). */
  override nestedPlans(): NestedPlans {
    return (this.plans ??= new NestedPlans(this.entry, this.requestValues));
  }

  protected override joinedBy(): void {
    const onJoin = this.onJoin;
    if (onJoin === undefined) return;
    this.onJoin = undefined;
    onJoin(this);
  }
}
