import { BoundedTop } from './bounded-top';
import type { ExecutionLike, RecordLike } from './record-lines';
import { describeThrown, displayText } from './safe-text';

/** How many records the report shows by default (`--report-records N` for more). */
export const DEFAULT_REPORT_RECORDS = 200;

/** One config's part of a record in the report. */
export interface RecordCell {
  readonly configId: string;
  /** The first repetition's output, as text (absent when it failed). */
  readonly output?: string;
  /** The first failure's error, as text. */
  readonly error?: string;
  readonly runs: number;
  readonly failed: number;
  /** Metric → the mean score over the repetitions that have one. */
  readonly scores: readonly (readonly [metric: string, score: number])[];
}

/** One record in the report: its input, expected value and one cell per config. */
export interface RecordView {
  readonly index: number;
  readonly id: string | number;
  readonly input: string;
  readonly expected?: string;
  /** The largest minus the smallest config score of the ranking metric (0 with fewer than two scores). */
  readonly spread: number;
  /** Whether any config failed on the record. */
  readonly failed: boolean;
  readonly cells: readonly RecordCell[];
}

/** Ranking: larger spread first, then records where a config failed, then dataset order. */
type Rank = readonly [spread: number, failed: number, index: number];

const compareRanks = (a: Rank, b: Rank): number => a[0] - b[0] || a[1] - b[1] || b[2] - a[2];

/**
 * Picks the records that matter most for the report's `#records` section, in bounded memory:
 * those with the largest score spread between configs on the ranking metric (the first metric
 * of the first evaluator), then those where any config failed, then the earliest. Only the
 * `capacity` best-ranked records are kept (their text cut to `MAX_TEXT` characters); the others
 * are looked at once and dropped.
 */
export class RecordSelection {
  #seen = 0;
  #rankingEvaluator: string | undefined;
  #rankingMetric: string | undefined;
  readonly #top: BoundedTop<Rank, RecordView>;

  constructor(readonly capacity: number = DEFAULT_REPORT_RECORDS) {
    this.#top = new BoundedTop(capacity, compareRanks);
  }

  /** Records looked at. */
  get seen(): number {
    return this.#seen;
  }

  /** The metric records are ranked by, once known. */
  get rankingMetric(): string | undefined {
    return this.#rankingMetric;
  }

  /** The first evaluator's name: its (first) metric ranks the records. */
  rankBy(evaluator: string | undefined): void {
    this.#rankingEvaluator = evaluator;
  }

  /** Looks at one finished record: keeps it if it ranks among the `capacity` best so far. */
  add(record: RecordLike): void {
    this.#seen++;
    const metric = this.#metricOf(record.executions);
    const spread = metric === undefined ? 0 : spreadOf(record.executions, metric);
    const failed = record.executions.some((execution) => !execution.ok);
    this.#top.offer([spread, failed ? 1 : 0, record.index], () => view(record, spread, failed));
  }

  /** The kept records, most important first. */
  selected(): RecordView[] {
    return this.#top.sorted();
  }

  #metricOf(executions: readonly ExecutionLike[]): string | undefined {
    if (this.#rankingMetric !== undefined || this.#rankingEvaluator === undefined) return this.#rankingMetric;
    const prefix = `${this.#rankingEvaluator}.`;
    for (const execution of executions) {
      const name = Object.keys(execution.metrics).find((key) => key === this.#rankingEvaluator || key.startsWith(prefix));
      if (name !== undefined) return (this.#rankingMetric = name);
    }
    return undefined;
  }
}

function spreadOf(executions: readonly ExecutionLike[], metric: string): number {
  const sums = new Map<string, { sum: number; count: number }>();
  for (const execution of executions) {
    const score = execution.metrics[metric];
    if (score === undefined) continue;
    const entry = sums.get(execution.configId) ?? { sum: 0, count: 0 };
    entry.sum += score;
    entry.count++;
    sums.set(execution.configId, entry);
  }
  if (sums.size < 2) return 0;
  const means = [...sums.values()].map(({ sum, count }) => sum / count);
  return Math.max(...means) - Math.min(...means);
}

function view(record: RecordLike, spread: number, failed: boolean): RecordView {
  const byConfig = new Map<string, ExecutionLike[]>();
  for (const execution of record.executions) {
    const list = byConfig.get(execution.configId);
    if (list) list.push(execution);
    else byConfig.set(execution.configId, [execution]);
  }
  const hasExpected = read(() => 'expected' in record.record) === true;
  return {
    index: record.index,
    id: record.id,
    input: displayText(read(() => record.record.input)),
    ...(hasExpected ? { expected: displayText(read(() => record.record.expected)) } : {}),
    spread,
    failed,
    cells: [...byConfig].map(([configId, executions]) => cell(configId, executions)),
  };
}

function cell(configId: string, executions: readonly ExecutionLike[]): RecordCell {
  const first = executions[0]!;
  const failure = executions.find((execution) => !execution.ok);
  const sums = new Map<string, { sum: number; count: number }>();
  for (const execution of executions) {
    for (const [name, score] of Object.entries(execution.metrics)) {
      const entry = sums.get(name) ?? { sum: 0, count: 0 };
      entry.sum += score;
      entry.count++;
      sums.set(name, entry);
    }
  }
  return {
    configId,
    ...(first.ok ? { output: displayText(first.output) } : {}),
    ...(failure ? { error: displayText(describeThrown(failure.error)) } : {}),
    runs: executions.length,
    failed: executions.filter((execution) => !execution.ok).length,
    scores: [...sums].map(([name, { sum, count }]) => [name, sum / count] as const),
  };
}

/** Reads a property of a user's record, whose getters may throw. */
function read(get: () => unknown): unknown {
  try {
    return get();
  } catch (error) {
    return `(reading it threw ${describeThrown(error)})`;
  }
}
