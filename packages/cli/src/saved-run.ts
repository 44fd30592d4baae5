import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { BaselineEvaluation, MetricDirection } from '@spearmint/decorators';
import { messageOf } from './safe-text';
import { UsageError } from './usage-error';

/** What a comparison needs of one metric of one config in a saved run. */
export interface SavedMetric {
  readonly mean: number;
  readonly sd: number;
  readonly scoredRecords: number;
}

/** The parts of a run saved with `--save-run` (the `--json` result) that a later run compares with. */
export interface SavedRun extends BaselineEvaluation {
  /** The path as given (`--baseline runs/yesterday.json`). */
  readonly file: string;
  readonly experiment: string;
  readonly records: number;
  readonly metrics: readonly { readonly name: string; readonly better: MetricDirection }[];
  readonly configs: readonly { readonly configId: string; readonly metrics: Readonly<Record<string, SavedMetric>> }[];
}

/** Reads and checks a saved run; every problem is a `UsageError` naming the file. */
export function readSavedRun(file: string, cwd: string): SavedRun {
  const path = resolve(cwd, file);
  let data: unknown;
  try {
    data = JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    throw new UsageError(
      missing ? `--baseline ${file}: no such file (looked at ${path}). Save a run first with --save-run ${file}.` : `--baseline ${file} cannot be read as JSON: ${messageOf(error)}.`,
    );
  }
  const bad = (what: string) => new UsageError(`--baseline ${file} is not a run saved by spearmint eval --save-run (${what}).`);
  if (!isObject(data) || typeof data.experiment !== 'string') throw bad('no "experiment"');
  if (!Array.isArray(data.configs) || !Array.isArray(data.metrics)) throw bad('no "configs" or "metrics" list');
  const metrics = data.metrics.map((metric: unknown) => {
    if (!isObject(metric) || typeof metric.name !== 'string' || (metric.better !== 'higher' && metric.better !== 'lower')) throw bad('a metric without name or direction');
    return { name: metric.name, better: metric.better as MetricDirection };
  });
  const configs = data.configs.map((config: unknown) => {
    if (!isObject(config) || typeof config.configId !== 'string' || !isObject(config.metrics)) throw bad('a config without "configId" or "metrics"');
    const saved: Record<string, SavedMetric> = {};
    for (const [name, metric] of Object.entries(config.metrics)) {
      if (!isObject(metric) || typeof metric.mean !== 'number' || typeof metric.scoredRecords !== 'number' || (typeof metric.sd !== 'number' && metric.sd !== null)) {
        throw bad(`metric '${name}' of config '${config.configId}' has no mean, sd and scoredRecords; runs saved before intervals existed cannot be compared: save it again`);
      }
      saved[name] = { mean: metric.mean, sd: metric.sd ?? Infinity, scoredRecords: metric.scoredRecords };
    }
    return { configId: config.configId, metrics: saved };
  });
  return { file, experiment: data.experiment, records: typeof data.records === 'number' ? data.records : NaN, metrics, configs };
}

function isObject(value: unknown): value is Record<string, any> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
