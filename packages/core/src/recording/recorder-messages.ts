import { describeError } from '../internal/describe-error';

// What a recorder says on the console. Each is printed once (per experiment, or per failure).

export function unserialisableMessage(experiment: string, reason: string): string {
  return (
    `[spearmint] recording skipped a call of experiment '${experiment}': ${reason}. ` +
    `Further calls of '${experiment}' that cannot be recorded are skipped and counted (unserialisable) without a warning. ` +
    'Use record.redact to replace such values, e.g. a BigInt by its string.'
  );
}

export function redactFailedMessage(experiment: string, reason: string): string {
  return (
    `[spearmint] recording skipped a call of experiment '${experiment}': ${reason}. ` +
    `Further redact failures of '${experiment}' are counted (redactFailed) without a warning.`
  );
}

export function writeFailedMessage(destination: string, error: unknown, retryMs: number): string {
  return (
    `[spearmint] recording to ${destination} failed: ${describeError(error)}. ` +
    `Records are dropped and counted (dropped) until a write succeeds again; the next attempt comes after ${retryMs} ms.`
  );
}

export function bufferFullMessage(destination: string, maxBufferedBytes: number): string {
  return (
    `[spearmint] recording to ${destination} cannot keep up: ${maxBufferedBytes} bytes wait to be written, so further records are ` +
    'dropped and counted (dropped) until the buffer empties. Lower record.sampleRate, or raise record.maxBufferedBytes.'
  );
}
