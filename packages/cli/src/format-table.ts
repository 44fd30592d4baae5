import type { EvaluationResult } from '@spearmint/decorators';
import { failureLines } from './failure-lines';
import { formatConfig } from './format-config';
import { formatMs, formatRate, formatScore } from './format-numbers';

const MAX_CONFIG_WIDTH = 48;

/**
 * The comparison table of an evaluation, as plain text: one row per config (`config_id`, its
 * values, each metric's mean with `*` on the best, error rate, p50 and p95 latency), then a
 * legend and a line per function or evaluator failure.
 *
 * @example
 * ```text
 * config_id  config                recall  brevity  errors  p50 ms  p95 ms
 * ---------  --------------------  ------  -------  ------  ------  ------
 * lead-2     strategy=lead, n=2    0.512   0.931*   0.0%    0.021   0.044
 * ```
 */
export function formatResultTable(result: EvaluationResult): string {
  const metrics = result.metrics;
  const header = ['config_id', 'config', ...metrics.map((m) => m.name), 'errors', 'p50 ms', 'p95 ms'];
  const rows = result.configs.map((config) => [
    config.configId,
    truncate(formatConfig(config.config), MAX_CONFIG_WIDTH),
    ...metrics.map((metric) => {
      const mean = config.metrics[metric.name]?.mean;
      return `${formatScore(mean)}${result.best[metric.name]?.configId === config.configId ? '*' : ''}`;
    }),
    formatRate(config.errorRate),
    formatMs(config.latency.p50),
    formatMs(config.latency.p95),
  ]);
  const widths = header.map((cell, i) => Math.max(cell.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((cell, i) => cell.padEnd(widths[i]!)).join('  ').trimEnd();
  const lower = metrics.filter((m) => m.better === 'lower').map((m) => m.name);
  const lines = [
    `${result.experiment}: ${result.records} record(s) x ${result.configs.length} config(s)${result.repeat > 1 ? `, ${result.repeat} repeats` : ''} in ${(result.durationMs / 1000).toFixed(2)} s`,
    '',
    line(header),
    line(widths.map((w) => '-'.repeat(w))),
    ...rows.map(line),
    '',
    `* best config per metric (higher is better${lower.length > 0 ? `; lower is better for ${lower.join(', ')}` : ''})`,
  ];
  return [...lines, ...failureLines(result.configs)].join('\n');
}

function truncate(text: string, width: number): string {
  return text.length > width ? `${text.slice(0, width - 3)}...` : text;
}
