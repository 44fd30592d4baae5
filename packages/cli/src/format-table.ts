import type { EvaluationResult } from '@spearmint/decorators';
import type { BaselineReport } from './baseline';
import { failureLines } from './failure-lines';
import { baselineLines, bestLines, vsMainLines } from './format-comparisons';
import { formatConfig } from './format-config';
import { formatInterval, formatMs, formatRate, formatScore } from './format-numbers';
import { textTable } from './text-table';

const MAX_CONFIG_WIDTH = 48;

/**
 * The comparison of an evaluation as plain text: one row per config (`config_id`, its values,
 * each metric's mean with `*` on the best and its 95 % interval, error rate, p50 and p95
 * latency, and with a response cache its hits and runs); a legend and the best config per
 * metric with its error rate; each variant against
 * main (paired difference, interval, wins/ties/losses, verdict); the comparison with a baseline
 * run when given; a line per function or evaluator failure.
 *
 * @example
 * ```text
 * config_id  config              recall                 errors  p50 ms  p95 ms
 * ---------  ------------------  ---------------------  ------  ------  ------
 * lead-2     strategy=lead, n=2  0.888* [0.850, 0.926]  0.0%    0.021   0.044
 * ```
 */
export function formatResultTable(result: EvaluationResult, baseline?: BaselineReport): string {
  const metrics = result.metrics;
  const cached = result.configs.some((config) => config.cache !== undefined);
  const header = ['config_id', 'config', ...metrics.map((m) => m.name), 'errors', 'p50 ms', 'p95 ms', ...(cached ? ['cache hit/run'] : [])];
  const rows = result.configs.map((config) => [
    config.configId,
    truncate(formatConfig(config.config), MAX_CONFIG_WIDTH),
    ...metrics.map((metric) => {
      const summary = config.metrics[metric.name];
      if (!summary) return '-';
      const mark = result.best[metric.name]?.configId === config.configId ? '*' : ' ';
      return `${formatScore(summary.mean)}${mark} ${formatInterval(summary.ci95)}`;
    }),
    formatRate(config.errorRate),
    formatMs(config.latency.p50),
    formatMs(config.latency.p95),
    ...(cached ? [config.cache ? `${config.cache.hits}/${config.cache.misses}` : '-'] : []),
  ]);
  const lower = metrics.filter((m) => m.better === 'lower').map((m) => m.name);
  const lines = [
    `${result.experiment}: ${result.records} record(s) x ${result.configs.length} config(s)${result.repeat > 1 ? `, ${result.repeat} repeats` : ''} in ${(result.durationMs / 1000).toFixed(2)} s` +
      (result.shard ? ` (shard ${result.shard.indices.join(',')}/${result.shard.count})` : ''),
    '',
    ...textTable(header, rows),
    '',
    `* best config per metric (higher is better${lower.length > 0 ? `; lower is better for ${lower.join(', ')}` : ''}); [low, high]: 95% interval of the mean`,
    ...(cached ? [cacheLine(result)] : []),
    ...bestLines(result),
    ...vsMainLines(result),
    ...(baseline ? baselineLines(baseline) : []),
  ];
  const failures = failureLines(result.configs);
  return [...lines, ...(failures.length > 0 ? ['', ...failures] : [])].join('\n');
}

/** `cache: 110 of 120 executions from the cache (2 not cacheable)`. */
function cacheLine(result: EvaluationResult): string {
  let hits = 0;
  let total = 0;
  let uncacheable = 0;
  for (const { cache } of result.configs) {
    hits += cache?.hits ?? 0;
    total += (cache?.hits ?? 0) + (cache?.misses ?? 0);
    uncacheable += cache?.uncacheable ?? 0;
  }
  return `cache: ${hits} of ${total} executions from the cache, ${total - hits} run${uncacheable > 0 ? ` (${uncacheable} not cacheable: not JSON data)` : ''}`;
}

function truncate(text: string, width: number): string {
  return text.length > width ? `${text.slice(0, width - 3)}...` : text;
}
