import { describeError, messageOf } from '../internal/describe-error';

// What user code throws may be anything, with getters that throw: these never throw.
export { describeError, messageOf };

/** `{ name, message }` of an error for JSON output; `{ message }` for anything else thrown. Never throws. */
export function errorJson(error: unknown): { name?: string; message: string } {
  try {
    if (error !== null && typeof error === 'object' && typeof (error as { message?: unknown }).message === 'string') {
      const { name, message } = error as { name?: unknown; message: string };
      return typeof name === 'string' ? { name, message } : { message };
    }
  } catch {
    // a getter threw: describe it instead
  }
  return { message: describeError(error) };
}
