import { randomUUID } from 'node:crypto';
import { describeError } from '../internal/describe-error';
import { describeValue } from '../internal/describe';
import { isPromiseLike } from '../internal/is-promise-like';
import type { CallRecord, CallRecordMeta, RecordedCall } from './recorded-call';
import { strictStringify } from './strict-json';

/** The `redact` option: a changed record to write, or `undefined` to skip the call. */
export type Redact = (record: CallRecord) => CallRecord | undefined;

/** What became of one call: its JSON line, or why it has none. */
export type SerialisedCall =
  | { readonly kind: 'line'; readonly text: string }
  | { readonly kind: 'skipped' }
  | { readonly kind: 'unserialisable'; readonly reason: string }
  | { readonly kind: 'redact-failed'; readonly reason: string };

const MAX_ERROR_MESSAGE = 1_000;

/**
 * Turns a call into its JSON line (without the newline). `redact` receives a fresh copy parsed
 * from that line, never the caller's objects, so whatever it changes stays in the recording.
 */
export function serialiseCall(call: RecordedCall, redact: Redact | undefined): SerialisedCall {
  let inputJson: string;
  let expectedJson: string | undefined;
  try {
    inputJson = strictStringify(trimTrailingUndefined(call.input))!;
  } catch (error) {
    return { kind: 'unserialisable', reason: `its arguments (input) cannot be written as JSON: ${describeError(error)}` };
  }
  try {
    expectedJson = call.ok ? strictStringify(call.value) : undefined;
  } catch (error) {
    return { kind: 'unserialisable', reason: `main's value (expected) cannot be written as JSON: ${describeError(error)}` };
  }
  const expectedPart = expectedJson === undefined ? '' : `,"expected":${expectedJson}`;
  const text = `{"id":"${randomUUID()}","input":${inputJson}${expectedPart},"meta":${JSON.stringify(metaOf(call))}}`;
  return redact === undefined ? { kind: 'line', text } : redacted(text, redact);
}

function redacted(text: string, redact: Redact): SerialisedCall {
  let result: unknown;
  try {
    result = redact(JSON.parse(text) as CallRecord);
  } catch (error) {
    return { kind: 'redact-failed', reason: `redact threw ${describeError(error)}` };
  }
  if (result === undefined) return { kind: 'skipped' };
  try {
    if (isPromiseLike(result)) return { kind: 'redact-failed', reason: 'redact returned a promise; it must return the record (or undefined) synchronously' };
    if (result === null || typeof result !== 'object' || Array.isArray(result) || !('input' in result)) {
      return { kind: 'redact-failed', reason: `redact returned ${describeValue(result)}; return the record (changed as you like, with its "input"), or undefined to skip the call` };
    }
    return { kind: 'line', text: strictStringify(result)! };
  } catch (error) {
    return { kind: 'redact-failed', reason: `the record redact returned cannot be written as JSON: ${describeError(error)}` };
  }
}

function metaOf(call: RecordedCall): CallRecordMeta {
  const timestamp = new Date(call.timestamp ?? Date.now());
  return {
    experiment: call.experiment,
    configId: call.configId,
    ...(call.configIds !== undefined && Object.keys(call.configIds).length > 1 ? { configIds: call.configIds } : {}),
    ok: call.ok,
    ...(call.ok ? {} : { error: errorSummary(call.error) }),
    durationMs: call.durationMs,
    timestamp: Number.isNaN(timestamp.getTime()) ? new Date().toISOString() : timestamp.toISOString(),
  };
}

/** `{ name, message }` of what main threw; never throws (a getter of a thrown object may). */
function errorSummary(error: unknown): { name?: string; message: string } {
  try {
    if (error !== null && typeof error === 'object' && typeof (error as { message?: unknown }).message === 'string') {
      const { name, message } = error as { name?: unknown; message: string };
      return typeof name === 'string' ? { name, message: truncate(message) } : { message: truncate(message) };
    }
  } catch {
    // a getter threw: describe the value instead
  }
  return { message: truncate(describeError(error)) };
}

function truncate(text: string): string {
  return text.length > MAX_ERROR_MESSAGE ? `${text.slice(0, MAX_ERROR_MESSAGE - 3)}...` : text;
}

/** `f('a', undefined)` replays as `f('a')`; an `undefined` between arguments becomes `null`, as JSON has no `undefined`. */
function trimTrailingUndefined(input: readonly unknown[]): readonly unknown[] {
  let length = input.length;
  while (length > 0 && input[length - 1] === undefined) length--;
  return length === input.length ? input : input.slice(0, length);
}
