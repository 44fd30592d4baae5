import { Config, type ExecutionResult, type RecordResult } from '@spearmint/decorators';

/** An execution of `configId` (the only experiment, `f`): ok with `output`, or failed with `error`. */
export function execution(configId: string, output: unknown, metrics: Record<string, number>, error?: unknown): ExecutionResult {
  return {
    configId,
    config: new Config({ config_id: configId }),
    configIds: { f: configId },
    repeat: 0,
    ok: error === undefined,
    output,
    ...(error === undefined ? {} : { error }),
    durationMs: 1,
    metrics,
    evaluatorErrors: {},
  };
}

/** The record at `index` (id `r<index>`, input `text <index>`) with these executions. */
export function record(index: number, executions: ExecutionResult[]): RecordResult {
  return { index, id: `r${index}`, record: { input: `text ${index}`, expected: { keywords: ['mint'] } }, executions };
}
