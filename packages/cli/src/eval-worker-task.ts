import { evaluate, EvaluationAbortedError, type RecordResult, recordLines } from '@spearmint/decorators';
import { loadDefinition } from './load-definition';
import type { EvaluationDefinition } from './define-evaluation';
import { runJson } from './result-json';
import { describeThrown, messageOf } from './safe-text';
import { UsageError } from './usage-error';
import type { ControlMessage, RecordMessage, WorkerAnswer, WorkerTask } from './worker-protocol';

const definitions = new Map<string, Promise<EvaluationDefinition>>();

/**
 * The task of a `--workers` thread: loads the definition file (once per thread, through tsx for
 * TypeScript, as the CLI does) and evaluates its shard of the records, posting each finished
 * record's JSONL lines to the main thread and waiting for its acknowledgement (so a slow main
 * thread slows the workers down instead of filling memory). Answers with the shard's result and
 * state as JSON; never throws.
 */
export async function evalWorkerTask(task: WorkerTask): Promise<WorkerAnswer> {
  const { port } = task;
  const controller = new AbortController();
  // Records in flight (up to `concurrency`) wait for their acknowledgements, which come in order.
  const waiting: (() => void)[] = [];
  port.on('message', (message: ControlMessage) => {
    if (message.kind === 'ack') return waiting.shift()?.();
    controller.abort(new Error('stopped by the main thread'));
    waiting.splice(0).forEach((resolve) => resolve());
  });
  const onRecord = (record: RecordResult) =>
    new Promise<void>((resolve) => {
      if (controller.signal.aborted) return resolve();
      waiting.push(resolve);
      port.postMessage({ kind: 'record', lines: recordLines(record) } satisfies RecordMessage);
    });
  try {
    let loading = definitions.get(task.file);
    if (!loading) definitions.set(task.file, (loading = loadDefinition(task.file, task.cwd)));
    const definition = await loading;
    const result = await evaluate(definition.experiment, definition.dataset, {
      evaluators: definition.evaluators,
      ...defined({ concurrency: task.concurrency, repeat: task.repeat, limit: task.limit, cache: task.cache }),
      shard: task.shard,
      signal: controller.signal,
      onRecord,
    });
    return { kind: 'done', result: runJson(result, { keepState: true }) };
  } catch (error) {
    if (error instanceof EvaluationAbortedError) return { kind: 'aborted', result: runJson(error.partial, { keepState: true }) };
    const usage = error instanceof UsageError || error instanceof TypeError;
    return { kind: 'failed', usage, name: errorName(error), message: error instanceof Error ? messageOf(error) : describeThrown(error) };
  } finally {
    port.close();
  }
}

function defined<T extends object>(values: T): Partial<T> {
  return Object.fromEntries(Object.entries(values).filter(([, value]) => value !== undefined)) as Partial<T>;
}

/** The class name of what was thrown (getters of user errors may throw). */
function errorName(error: unknown): string {
  try {
    return error instanceof Error && typeof error.name === 'string' ? error.name : 'Error';
  } catch {
    return 'Error';
  }
}
