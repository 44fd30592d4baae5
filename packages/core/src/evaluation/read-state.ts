import type { ConfigState, EvaluationState, FirstMessage, MetricState, SampleState, StateNumber, StatsState, SumsState } from './evaluation-state';
import type { MetricDirection } from './evaluator';
import type { ShardCoverage } from './shard';

const SPECIAL: Readonly<Record<string, number>> = { '-0': -0, Infinity: Infinity, '-Infinity': -Infinity, NaN: NaN };

/** Why a state cannot be read: `where` is the path inside it (`configs[1].metrics[0]`). */
export class StateShapeError extends Error {
  constructor(readonly where: string, readonly detail: string) {
    super(`${where}: ${detail}`);
  }
}

/**
 * Reads and checks an `EvaluationState` that came from a file (or another thread), where
 * anything may be wrong: every field is checked, and the first problem is a `StateShapeError`
 * naming its path. Returns a copy holding only what was checked.
 */
export function readState(value: unknown): EvaluationState {
  const state = object(value, 'state');
  if (state.format !== 'spearmint-evaluation-state') fail('state.format', `expected 'spearmint-evaluation-state', got ${show(state.format)}`);
  if (state.version !== 1) fail('state.version', `expected 1 (this version of Spearmint reads version 1), got ${show(state.version)}`);
  const evaluators = array(state.evaluators, 'state.evaluators').map((entry, i) => {
    const where = `state.evaluators[${i}]`;
    const item = object(entry, where);
    const better = item.better;
    if (better !== 'higher' && better !== 'lower') return fail(`${where}.better`, `expected 'higher' or 'lower', got ${show(better)}`);
    return { name: string(item.name, `${where}.name`), better: better as MetricDirection };
  });
  const mainConfigId = state.mainConfigId === undefined ? undefined : string(state.mainConfigId, 'state.mainConfigId');
  return {
    format: 'spearmint-evaluation-state',
    version: 1,
    experiment: string(state.experiment, 'state.experiment'),
    repeat: count(state.repeat, 'state.repeat'),
    shard: coverage(state.shard, 'state.shard'),
    records: count(state.records, 'state.records'),
    evaluators,
    ...(mainConfigId !== undefined ? { mainConfigId } : {}),
    configs: array(state.configs, 'state.configs').map((entry, i) => config(entry, `state.configs[${i}]`)),
  };
}

/** A state number back to a number. */
export function readNumber(value: unknown, where: string): number {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'string' && Object.hasOwn(SPECIAL, value)) return SPECIAL[value]!;
  return fail(where, `expected a number (or '-0', 'Infinity', '-Infinity', 'NaN'), got ${show(value)}`);
}

function config(value: unknown, where: string): ConfigState {
  const item = object(value, where);
  const configIds = object(item.configIds, `${where}.configIds`);
  const ids: Record<string, string> = {};
  for (const [name, id] of Object.entries(configIds)) Object.defineProperty(ids, name, { value: string(id, `${where}.configIds.${name}`), enumerable: true });
  const cache = item.cache === undefined ? undefined : object(item.cache, `${where}.cache`);
  return {
    configId: string(item.configId, `${where}.configId`),
    configIds: ids,
    count: count(item.count, `${where}.count`),
    errors: count(item.errors, `${where}.errors`),
    ...(item.firstError !== undefined ? { firstError: firstMessage(item.firstError, `${where}.firstError`) } : {}),
    ...(cache
      ? { cache: { hits: count(cache.hits, `${where}.cache.hits`), misses: count(cache.misses, `${where}.cache.misses`), uncacheable: count(cache.uncacheable, `${where}.cache.uncacheable`) } }
      : {}),
    latency: stats(item.latency, `${where}.latency`),
    latencySample: sample(item.latencySample, `${where}.latencySample`),
    metrics: entries(item.metrics, `${where}.metrics`, metric),
    evaluatorErrors: entries(item.evaluatorErrors, `${where}.evaluatorErrors`, (entry, at) => ({ ...firstMessage(entry, at), count: count(object(entry, at).count, `${at}.count`) })),
    errorDiffs: sums(item.errorDiffs, `${where}.errorDiffs`),
  };
}

function metric(value: unknown, where: string): MetricState {
  const item = object(value, where);
  const vsMain = item.vsMain === undefined ? undefined : object(item.vsMain, `${where}.vsMain`);
  return {
    executions: stats(item.executions, `${where}.executions`),
    records: sums(item.records, `${where}.records`),
    ...(vsMain
      ? {
          vsMain: {
            diffs: sums(vsMain.diffs, `${where}.vsMain.diffs`),
            wins: count(vsMain.wins, `${where}.vsMain.wins`),
            ties: count(vsMain.ties, `${where}.vsMain.ties`),
            losses: count(vsMain.losses, `${where}.vsMain.losses`),
          },
        }
      : {}),
  };
}

function stats(value: unknown, where: string): StatsState {
  const item = object(value, where);
  return { count: count(item.count, `${where}.count`), sum: numbers(item.sum, `${where}.sum`), min: number(item.min, `${where}.min`), max: number(item.max, `${where}.max`) };
}

function sums(value: unknown, where: string): SumsState {
  const item = object(value, where);
  return { n: count(item.n, `${where}.n`), sum: numbers(item.sum, `${where}.sum`), sumSquares: numbers(item.sumSquares, `${where}.sumSquares`) };
}

function sample(value: unknown, where: string): SampleState {
  const item = object(value, where);
  const values = numbers(item.values, `${where}.values`);
  const seen = count(item.count, `${where}.count`);
  if (values.length > seen) fail(where, `holds ${values.length} values but saw only ${seen}`);
  return { count: seen, values };
}

function coverage(value: unknown, where: string): ShardCoverage {
  const item = object(value, where);
  const total = count(item.count, `${where}.count`);
  if (total < 1) fail(`${where}.count`, 'expected at least 1');
  const indices = array(item.indices, `${where}.indices`).map((index, i) => {
    const n = count(index, `${where}.indices[${i}]`);
    if (n < 1 || n > total) fail(`${where}.indices[${i}]`, `expected a shard from 1 to ${total}, got ${n}`);
    return n;
  });
  if (new Set(indices).size !== indices.length) fail(`${where}.indices`, 'holds a shard twice');
  return { count: total, indices };
}

function firstMessage(value: unknown, where: string): FirstMessage {
  const item = object(value, where);
  return { record: count(item.record, `${where}.record`), message: string(item.message, `${where}.message`) };
}

function entries<T>(value: unknown, where: string, read: (value: unknown, where: string) => T): [string, T][] {
  return array(value, where).map((entry, i) => {
    const pair = array(entry, `${where}[${i}]`);
    if (pair.length !== 2) fail(`${where}[${i}]`, 'expected a [name, value] pair');
    return [string(pair[0], `${where}[${i}][0]`), read(pair[1], `${where}[${i}][1]`)];
  });
}

function numbers(value: unknown, where: string): StateNumber[] {
  return array(value, where).map((item, i) => number(item, `${where}[${i}]`));
}

function number(value: unknown, where: string): StateNumber {
  readNumber(value, where);
  return value as StateNumber;
}

function count(value: unknown, where: string): number {
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 0) return value;
  return fail(where, `expected a whole number from 0 up, got ${show(value)}`);
}

function string(value: unknown, where: string): string {
  return typeof value === 'string' ? value : fail(where, `expected a string, got ${show(value)}`);
}

function array(value: unknown, where: string): unknown[] {
  return Array.isArray(value) ? value : fail(where, `expected an array, got ${show(value)}`);
}

function object(value: unknown, where: string): Record<string, unknown> {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) return value as Record<string, unknown>;
  return fail(where, `expected an object, got ${show(value)}`);
}

function fail(where: string, detail: string): never {
  throw new StateShapeError(where, detail);
}

function show(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'string') return JSON.stringify(value.length > 40 ? `${value.slice(0, 37)}...` : value);
  if (typeof value === 'number' || typeof value === 'boolean' || value === null) return String(value);
  return Array.isArray(value) ? 'an array' : typeof value;
}
