/**
 * `Name: message` for anything thrown, for log lines and messages. Never throws: user code may
 * throw `undefined`, a null-prototype object, or an error whose `message` getter or `toString`
 * throws, and a log line must not turn that into a second, uncontained failure.
 */
export function describeError(error: unknown): string {
  try {
    if (error instanceof Error || hasStringMessage(error)) {
      const { name, message } = error as { name?: unknown; message: string };
      return typeof name === 'string' && name !== '' ? `${name}: ${message}` : message;
    }
    return String(error);
  } catch {
    return unprintable(error);
  }
}

/** An error's `message`, or `describeError` for anything else thrown. Never throws. */
export function messageOf(error: unknown): string {
  try {
    if (error instanceof Error || hasStringMessage(error)) return (error as { message: string }).message;
  } catch {
    return unprintable(error);
  }
  return describeError(error);
}

function hasStringMessage(value: unknown): boolean {
  return value !== null && typeof value === 'object' && typeof (value as { message?: unknown }).message === 'string';
}

function unprintable(value: unknown): string {
  try {
    return `${Object.prototype.toString.call(value)} (unprintable: its message or toString threw)`;
  } catch {
    return '(an unprintable value: its message or toString threw)';
  }
}
