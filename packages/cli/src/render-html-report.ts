import type { ConfigEvaluation, EvaluationResult } from '@spearmint/decorators';
import { barChart } from './bar-chart';
import type { BaselineReport, RegressionOutcome } from './baseline';
import { formatRegressionOutcome } from './baseline';
import { escapeHtml } from './escape-html';
import { failureLines } from './failure-lines';
import { formatConfig } from './format-config';
import { formatInterval, formatMs, formatRate, formatScore } from './format-numbers';
import { baselineSection, bestSection, vsMainSection } from './report-comparisons';
import { type RecordsSection, recordsSection } from './report-records';
import { REPORT_STYLE } from './report-style';
import type { ThresholdOutcome } from './thresholds';
import { formatThresholdOutcome } from './thresholds';

/** What the report shows besides the result. */
export interface ReportOptions {
  readonly thresholds?: readonly ThresholdOutcome[];
  /** The comparison with `--baseline`, and the `--max-regression` outcomes. */
  readonly baseline?: BaselineReport;
  readonly regressions?: readonly RegressionOutcome[];
  /** The per-record section (`#records`); absent: no such section. */
  readonly records?: RecordsSection;
}

/**
 * A self-contained HTML report of an evaluation: one file with inline CSS and inline SVG, no
 * scripts and nothing fetched. It holds a summary line; the comparison table (config_id, config
 * values, each metric's mean and 95 % interval with the best highlighted and its error rate, error
 * rate, p50 and p95 latency); each variant against main (`#vs-main`); the comparison with a
 * baseline run (`#baseline`); one bar chart per metric; the thresholds' and max regressions'
 * outcomes; the records that matter most, one row each with every config's output, scores and
 * error (`#records`); and any failures.
 */
export function renderHtmlReport(result: EvaluationResult, options: ReportOptions = {}): string {
  const title = `Evaluation of ${result.experiment}`;
  const cacheNote = cacheSummary(result);
  const summary =
    `${result.records} record(s) × ${result.configs.length} config(s)` +
    `${result.repeat > 1 ? `, each record ${result.repeat} times` : ''}, in ${(result.durationMs / 1000).toFixed(2)} s` +
    `${result.shard ? ` (shard ${result.shard.indices.join(',')}/${result.shard.count})` : ''}.${cacheNote}`;
  const charts = result.metrics.map(
    (metric) =>
      `<section class="metric" data-metric="${escapeHtml(metric.name)}"><h2>${escapeHtml(metric.name)} <small>mean per config, ` +
      `${metric.better} is better</small></h2>${barChart(result, metric)}</section>`,
  );
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title><style>${REPORT_STYLE}</style></head>`,
    '<body><main>',
    `<h1>Evaluation of <code>${escapeHtml(result.experiment)}</code></h1>`,
    `<p class="summary">${escapeHtml(summary)}</p>`,
    resultsTable(result),
    bestSection(result),
    vsMainSection(result),
    baselineSection(options.baseline),
    ...charts,
    outcomeList('Thresholds', 'thresholds', (options.thresholds ?? []).map((o) => [o.passed, formatThresholdOutcome(o)])),
    outcomeList('Max regressions', 'regressions', (options.regressions ?? []).map((o) => [!o.exceeded, formatRegressionOutcome(o)])),
    recordsSection(options.records),
    problemList(result.configs),
    '</main></body></html>',
    '',
  ].join('\n');
}

function resultsTable(result: EvaluationResult): string {
  const cached = result.configs.some((config) => config.cache !== undefined);
  const head = ['config_id', 'config', ...result.metrics.map((m) => m.name), 'error rate', 'p50 ms', 'p95 ms', ...(cached ? ['cache hits / runs'] : [])];
  const rows = result.configs.map((config) => {
    const cells = result.metrics.map((metric) => {
      const summary = config.metrics[metric.name];
      const best = result.best[metric.name]?.configId === config.configId;
      const mark = best ? `<span class="mark">★ best · errors ${formatRate(config.errorRate)}</span>` : '';
      const ci = summary ? `<span class="ci">${formatInterval(summary.ci95)}</span>` : '';
      return `<td class="num${best ? ' best' : ''}" data-metric="${escapeHtml(metric.name)}">${formatScore(summary?.mean)}${ci}${mark}</td>`;
    });
    return (
      `<tr data-config-id="${escapeHtml(config.configId)}"${config.eligible ? '' : ' data-ineligible=""'}><td><code>${escapeHtml(config.configId)}</code></td>` +
      `<td>${escapeHtml(formatConfig(config.config))}</td>${cells.join('')}` +
      `<td class="num">${formatRate(config.errorRate)}</td><td class="num">${formatMs(config.latency.p50)}</td>` +
      `<td class="num">${formatMs(config.latency.p95)}</td>` +
      (cached ? `<td class="num" data-cache-hits="${config.cache?.hits ?? 0}">${config.cache ? `${config.cache.hits} / ${config.cache.misses}` : '-'}</td>` : '') +
      '</tr>'
    );
  });
  return `<table class="results"><thead><tr>${head.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function outcomeList(title: string, className: string, outcomes: readonly (readonly [passed: boolean, line: string])[]): string {
  if (outcomes.length === 0) return '';
  const items = outcomes.map(([passed, line]) => `<li class="${passed ? 'met' : 'not-met'}">${escapeHtml(line)}</li>`);
  return `<h2>${title}</h2><ul class="${className}">${items.join('')}</ul>`;
}

function problemList(configs: readonly ConfigEvaluation[]): string {
  const items = failureLines(configs);
  if (items.length === 0) return '';
  return `<h2>Failures</h2><ul class="problems">${items.map((item) => `<li>${escapeHtml(item)}</li>`).join('')}</ul>`;
}

/** ` 110 of 120 executions came from the response cache.` (nothing without a cache). */
function cacheSummary(result: EvaluationResult): string {
  const configs = result.configs.filter((config) => config.cache !== undefined);
  if (configs.length === 0) return '';
  const hits = configs.reduce((sum, config) => sum + config.cache!.hits, 0);
  const total = configs.reduce((sum, config) => sum + config.cache!.hits + config.cache!.misses, 0);
  return ` ${hits} of ${total} executions came from the response cache.`;
}
