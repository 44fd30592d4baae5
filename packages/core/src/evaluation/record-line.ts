import type { ExecutionResult, RecordResult } from './evaluation-result';
import { describeError, errorJson } from './describe-error';
import type { RecordCall } from './record-call';

/**
 * The JSONL line of one execution in the per-record output: `record` (position), `id`,
 * `repeat`, `configId` (and `configIds` with nested experiments), `ok`, `durationMs`, `cache`
 * (with a response cache: `hit`, `miss` or `uncacheable`), `input`,
 * `expected`, `output`, `error` ({ name, message }), `metrics` and `evaluatorErrors`.
 * Values JSON cannot hold (BigInt, cycles) are written as strings.
 */
export function recordLine(call: RecordCall, execution: ExecutionResult): string {
  const line = {
    record: call.index,
    id: call.id,
    repeat: execution.repeat,
    configId: execution.configId,
    ...(Object.keys(execution.configIds).length > 1 ? { configIds: execution.configIds } : {}),
    ok: execution.ok,
    durationMs: execution.durationMs,
    ...(execution.cache !== undefined ? { cache: execution.cache } : {}),
    input: call.record.input,
    expected: call.record.expected,
    output: execution.output,
    ...(execution.ok ? {} : { error: errorJson(execution.error) }),
    metrics: execution.metrics,
    ...(Object.keys(execution.evaluatorErrors).length > 0 ? { evaluatorErrors: execution.evaluatorErrors } : {}),
  };
  try {
    return JSON.stringify(line, bigIntAsString);
  } catch (error) {
    const why = `[not serialisable as JSON: ${describeError(error)}]`;
    return JSON.stringify({ ...line, input: safe(line.input, why), expected: safe(line.expected, why), output: safe(line.output, why) }, bigIntAsString);
  }
}

function safe(value: unknown, replacement: string): unknown {
  try {
    JSON.stringify(value, bigIntAsString);
    return value;
  } catch {
    return replacement;
  }
}

function bigIntAsString(_key: string, value: unknown): unknown {
  return typeof value === 'bigint' ? value.toString() : value;
}

/**
 * The JSONL lines of one finished record, one per execution, exactly as `evaluate`'s `output`
 * option writes them (see the README for the format): for writing per-record results elsewhere
 * from `onRecord`.
 *
 * @example
 * ```ts
 * await evaluate(fn, dataset, { evaluators, onRecord: (record) => void sink.write(recordLines(record).join('\n') + '\n') });
 * ```
 */
export function recordLines(record: RecordResult): string[] {
  const call = { index: record.index, id: record.id, record: record.record, args: [] };
  return record.executions.map((execution) => recordLine(call, execution));
}
