/** True for `Error`s of any realm (a `vm` context, a jest environment) and error-like objects. */
function isErrorLike(value: unknown): value is { name?: unknown; message: string } {
  return value instanceof Error || (value !== null && typeof value === 'object' && typeof (value as { message?: unknown }).message === 'string');
}

/** `Name: message` for an error, `String(value)` for anything else thrown. */
export function describeError(error: unknown): string {
  if (isErrorLike(error)) return typeof error.name === 'string' && error.name !== '' ? `${error.name}: ${error.message}` : error.message;
  try {
    return String(error);
  } catch {
    return Object.prototype.toString.call(error);
  }
}

/** An error's message, or `String(value)` for anything else thrown. */
export function messageOf(error: unknown): string {
  return isErrorLike(error) ? error.message : describeError(error);
}

/** `{ name, message }` of an error for JSON output; `{ message }` for anything else thrown. */
export function errorJson(error: unknown): { name?: string; message: string } {
  if (isErrorLike(error)) return typeof error.name === 'string' ? { name: error.name, message: error.message } : { message: error.message };
  return { message: describeError(error) };
}
