import { inspect } from 'node:util';
import { describeError } from './describe-error';
import { describeValue } from './describe';

const MAX_PREVIEW = 200;

/** A short, truncated rendering of a value (or an error) for a message. Never throws. */
export function previewValue(value: unknown, isError = false): string {
  let text: string;
  try {
    text = isError
      ? describeError(value)
      : inspect(value, { depth: 3, breakLength: Infinity, maxArrayLength: 10, maxStringLength: MAX_PREVIEW, customInspect: false, getters: false });
  } catch {
    text = describeValue(value); // a Proxy whose traps throw
  }
  return text.length > MAX_PREVIEW ? `${text.slice(0, MAX_PREVIEW - 1)}…` : text;
}
