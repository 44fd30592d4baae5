/** What a recorder needs of one finished call: who ran, with what, and how it ended. */
interface RecordedCallBase {
  /** The experiment's name (its `ExperimentCase` key), e.g. `'TextService.generate'`. */
  readonly experiment: string;
  /** The `config_id` of the config that served the caller (main). */
  readonly configId: string;
  /** Every experiment's `config_id` in the call's case; written to `meta` only when it holds more than one. */
  readonly configIds?: Readonly<Record<string, string>>;
  /** The call's arguments as the caller passed them, without the injected config or bound values. */
  readonly input: readonly unknown[];
  /** How long main took, in milliseconds. */
  readonly durationMs: number;
  /**
   * When the call started, in milliseconds since the epoch (`Date.now()`).
   * @default the time `record()` is called
   */
  readonly timestamp?: number;
}

/** A call whose main returned (or resolved with) `value`. */
export interface SucceededCall extends RecordedCallBase {
  readonly ok: true;
  /** What main returned, or its promise's value. */
  readonly value: unknown;
}

/** A call whose main threw (or rejected with) `error`. */
export interface FailedCall extends RecordedCallBase {
  readonly ok: false;
  /** What main threw. */
  readonly error: unknown;
}

/**
 * One finished entry call, as handed to `Recorder#record`: the experiment, the config that
 * served it, the arguments, and main's value or error.
 *
 * @example
 * ```ts
 * recorder.record({ experiment: 'Svc.answer', configId: 'a1', input: ['hi'], ok: true, value: 'hello', durationMs: 12 });
 * ```
 */
export type RecordedCall = SucceededCall | FailedCall;

/** `meta` of a recorded line: where the call came from and how it ended. */
export interface CallRecordMeta {
  readonly experiment: string;
  /** The `config_id` that served the call (main's). */
  readonly configId: string;
  /** Every experiment's `config_id`, when nested experiments took part. */
  readonly configIds?: Readonly<Record<string, string>>;
  readonly ok: boolean;
  /** Main's error, when `ok` is `false`: its `name` (for errors) and `message`. */
  readonly error?: { readonly name?: string; readonly message: string };
  readonly durationMs: number;
  /** When the call started, as an ISO 8601 string. */
  readonly timestamp: string;
}

/**
 * One line of a recording: a ready dataset record for `evaluate()` and `spearmint eval`.
 * `input` is always the argument list (an array); `expected` is what main returned (absent when
 * it failed or returned `undefined`).
 *
 * @example
 * ```ts
 * const line: CallRecord = {
 *   id: '0b7d…', input: ['hi'], expected: 'hello',
 *   meta: { experiment: 'Svc.answer', configId: 'a1', ok: true, durationMs: 12, timestamp: '2026-12-01T10:00:00.000Z' },
 * };
 * ```
 */
export interface CallRecord<I extends readonly unknown[] = unknown[], E = unknown> {
  /** A unique id (a random UUID). */
  readonly id: string;
  readonly input: I;
  readonly expected?: E;
  readonly meta: CallRecordMeta;
}
