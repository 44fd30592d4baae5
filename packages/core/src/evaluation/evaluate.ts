import { currentCase } from '../context/current-execution';
import { experimentBindingOf } from '../experiment/registry';
import { SpearmintError } from '../errors';
import { createCaseRunner, type CaseOutcome } from './case-runner';
import type { Dataset, EvaluationRecord, ExpectedOf } from './dataset';
import { datasetPath } from './dataset-path';
import { checkEvaluateOptions, type EvaluateOptions, type EvaluateSettings } from './evaluate-options';
import { EvaluationAbortedError } from './evaluation-errors';
import type { EvaluationResult, ExecutionResult } from './evaluation-result';
import { EvaluationTally } from './evaluation-tally';
import { forEachBounded } from './bounded-pool';
import { JsonlWriter } from './jsonl-writer';
import { readDataset } from './read-dataset';
import type { SourcedValue } from './read-jsonl';
import { type RecordCall, recordCall } from './record-call';
import { recordLine } from './record-line';
import { ResponseCache } from './response-cache';
import { scoreOutput } from './score-output';
import { inShard, type Shard } from './shard';

type AnyFunction = (...args: any[]) => any;

/** What a record's `input` may be for `fn`: its argument list, or its first (single) argument. */
export type CallInput<F extends AnyFunction> = Readonly<Parameters<F>> | Parameters<F>[0];

/**
 * Evaluates an experiment offline: runs every config of `fn` (main and every variant, awaited)
 * on every record of `dataset`, `repeat` times, scores each successful output with the
 * evaluators, and resolves with per-config metrics (mean with its 95 % interval, min, max),
 * error rate, p50/p95 latency, each variant's paired comparison with main per metric
 * (`vsMain`: difference, interval, wins/ties/losses, verdict) and the best config per metric.
 *
 * - `fn` is an experiment: a decorated method (or a bound copy), or `experiment()(fn)`. Its
 *   strategy is not consulted, nor those of experiments it calls: every config of each takes
 *   part in every record (the cartesian product), the first as main.
 * - Records are read as they are needed, at most `concurrency` in flight, and per-record
 *   results go to `output` (JSONL) as they finish, so memory stays bounded for any dataset.
 * - What the function throws counts into its config's error rate; what an evaluator throws
 *   (or a score that is not a finite number) counts into `evaluatorErrors` of that config. Neither
 *   stops the evaluation. A bad dataset (`DatasetError`), an unwritable `output`
 *   (`EvaluationOutputError`) or a failing `onRecord` rejects, once the records in flight finished.
 * - `expected`, for the evaluators, is typed from an array dataset's records.
 * - On `signal` abort, rejects with an `EvaluationAbortedError` whose `partial` holds the result
 *   over the records that finished.
 * - `cache` returns stored outputs instead of calling the function again (per config
 *   `cache: { hits, misses, uncacheable }`); `shard` evaluates one share of the records, and
 *   `mergeEvaluations` merges the shards' results into exactly the whole dataset's.
 *
 * @example
 * ```ts
 * const result = await evaluate(svc.summarise, 'data/articles.jsonl', {
 *   evaluators: { recall: ({ output, expected }) => keywordRecall(output, expected) },
 *   concurrency: 8,
 * });
 * result.best.recall; // { configId: 'concise', mean: 0.82, errorRate: 0 }
 * result.configs[1].metrics.recall.vsMain; // { diff: 0.1, ci95: [0.04, 0.16], wins: 12, ties: 25, losses: 3, verdict: 'better' }
 * ```
 */
export async function evaluate<F extends AnyFunction, R extends EvaluationRecord<CallInput<F>> = EvaluationRecord<CallInput<F>>>(
  fn: F,
  dataset: Dataset<R>,
  options: EvaluateOptions<Awaited<ReturnType<F>>, CallInput<F>, ExpectedOf<R>>,
): Promise<EvaluationResult> {
  const binding = experimentBindingOf(fn, 'evaluate()');
  const settings = checkEvaluateOptions(options);
  if (currentCase() !== undefined) {
    throw new SpearmintError(
      'SPEARMINT_EVALUATE_IN_EXPERIMENT',
      `evaluate() was called inside an execution of an experiment (case ${JSON.stringify(currentCase()!.configIds)}), ` +
        'where the evaluated experiment would run with that case\'s config only. Call evaluate() outside experiment functions.',
    );
  }
  const responseCache = settings.cache && ResponseCache.open(settings.cache);
  const source = readDataset(dataset);
  const { shard } = settings;
  const coverage = shard && { count: shard.count, indices: [shard.index] };
  const tally = new EvaluationTally(binding.experiment.name, settings.repeat, settings.evaluators, coverage);
  const { signal } = settings;
  if (signal?.aborted) {
    await source.return();
    throw new EvaluationAbortedError(tally.result(), signal.reason);
  }
  if (settings.onStart) {
    try {
      await settings.onStart({ experiment: binding.experiment.name, evaluators: settings.evaluators.map(({ name, better }) => ({ name, better })) });
    } catch (error) {
      await source.return();
      throw error;
    }
  }
  const runCase = createCaseRunner(binding, fn, responseCache);
  const writer = settings.output === undefined ? undefined : await JsonlWriter.open(datasetPath(settings.output));
  const evaluateRecord = async ({ value, where, index }: NumberedValue): Promise<void> => {
    const call = recordCall(value, index, where);
    const executions: ExecutionResult[] = [];
    for (let repeat = 0; repeat < settings.repeat; repeat++) {
      for (const outcome of await runCase(call.args, repeat)) executions.push(await scoreExecution(settings, call, outcome, repeat));
    }
    tally.addRecord(executions, index);
    if (writer) for (const execution of executions) await writer.write(recordLine(call, execution));
    if (settings.onRecord) await settings.onRecord({ index, id: call.id, record: call.record, executions });
  };
  try {
    await forEachBounded(numbered(source, settings.limit, shard), settings.concurrency, evaluateRecord, () => signal?.aborted === true);
  } catch (error) {
    await writer?.close().catch(() => undefined);
    throw error;
  }
  await writer?.close();
  if (signal?.aborted) throw new EvaluationAbortedError(tally.result(), signal.reason);
  return tally.result();
}

interface NumberedValue extends SourcedValue {
  readonly index: number;
}

/**
 * The first `limit` values of `source`, numbered from 0 (their position in the dataset), and of
 * those only the shard's; closes `source` when done early.
 */
async function* numbered(source: AsyncGenerator<SourcedValue, void, undefined>, limit: number, shard: Shard | undefined): AsyncGenerator<NumberedValue, void, undefined> {
  if (limit === 0) return void (await source.return());
  let index = 0;
  for await (const item of source) {
    if (shard === undefined || inShard(shard, index)) yield { ...item, index };
    if (++index >= limit) return;
  }
}

async function scoreExecution(settings: EvaluateSettings, call: RecordCall, outcome: CaseOutcome, repeat: number): Promise<ExecutionResult> {
  const { configId, config, configIds, ok, output, durationMs } = outcome;
  const cache = outcome.cache !== undefined ? { cache: outcome.cache } : {};
  if (!ok) return { configId, config, configIds, repeat, ok, output: undefined, error: outcome.error, durationMs, ...cache, metrics: {}, evaluatorErrors: {} };
  const { record, args } = call;
  const scores = await scoreOutput(settings.evaluators, { input: record.input, args, output, expected: record.expected, config, record, durationMs });
  return { configId, config, configIds, repeat, ok, output, durationMs, ...cache, ...scores };
}
