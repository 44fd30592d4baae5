import type { ConfigEvaluation, EvaluationResult } from '@spearmint/decorators';
import { barChart } from './bar-chart';
import { escapeHtml } from './escape-html';
import { failureLines } from './failure-lines';
import { formatConfig } from './format-config';
import { formatMs, formatRate, formatScore } from './format-numbers';
import type { ThresholdOutcome } from './thresholds';
import { formatThresholdOutcome } from './thresholds';

const STYLE = `
body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", sans-serif; color: #1d2a24; margin: 0; background: #f6faf8; }
main { max-width: 980px; margin: 0 auto; padding: 24px; }
h1 { font-size: 22px; margin: 0 0 4px; } h2 { font-size: 16px; margin: 28px 0 8px; }
h2 small { font-weight: normal; color: #5d6f66; }
.summary { color: #5d6f66; margin: 0 0 16px; }
table { border-collapse: collapse; width: 100%; background: #fff; }
th, td { border: 1px solid #d5e3dc; padding: 6px 8px; text-align: left; vertical-align: top; }
th { background: #e8f3ee; } td.num { text-align: right; font-variant-numeric: tabular-nums; }
td.best { font-weight: bold; background: #dff3e8; }
code { font-family: ui-monospace, "SFMono-Regular", Menlo, monospace; font-size: 13px; }
svg.chart { background: #fff; border: 1px solid #d5e3dc; }
svg .bar { fill: #7fbfa0; } svg .bar.best { fill: #2e8b57; }
svg text { font-size: 12px; fill: #1d2a24; } svg .axis { stroke: #9fb5aa; stroke-width: 1; }
ul.problems li { margin: 2px 0; } .met { color: #2e7d32; } .not-met { color: #c62828; font-weight: bold; }
`;

/**
 * A self-contained HTML report of an evaluation: one file with inline CSS and inline SVG, no
 * scripts and nothing fetched. It holds a summary line, the comparison table (config_id, config
 * values, each metric's mean with the best highlighted, error rate, p50 and p95 latency), one bar
 * chart per metric with one bar per config, the thresholds' outcomes and any failures.
 */
export function renderHtmlReport(result: EvaluationResult, thresholds: readonly ThresholdOutcome[] = []): string {
  const title = `Evaluation of ${result.experiment}`;
  const summary =
    `${result.records} record(s) × ${result.configs.length} config(s)` +
    `${result.repeat > 1 ? `, each record ${result.repeat} times` : ''}, in ${(result.durationMs / 1000).toFixed(2)} s.`;
  const charts = result.metrics.map(
    (metric) =>
      `<section class="metric" data-metric="${escapeHtml(metric.name)}"><h2>${escapeHtml(metric.name)} <small>mean per config, ` +
      `${metric.better} is better</small></h2>${barChart(result, metric)}</section>`,
  );
  return [
    '<!doctype html>',
    '<html lang="en"><head><meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${escapeHtml(title)}</title><style>${STYLE}</style></head>`,
    '<body><main>',
    `<h1>Evaluation of <code>${escapeHtml(result.experiment)}</code></h1>`,
    `<p class="summary">${escapeHtml(summary)}</p>`,
    resultsTable(result),
    ...charts,
    thresholdList(thresholds),
    problemList(result.configs),
    '</main></body></html>',
    '',
  ].join('\n');
}

function resultsTable(result: EvaluationResult): string {
  const head = ['config_id', 'config', ...result.metrics.map((m) => m.name), 'error rate', 'p50 ms', 'p95 ms'];
  const rows = result.configs.map((config) => {
    const cells = result.metrics.map((metric) => {
      const best = result.best[metric.name]?.configId === config.configId;
      return `<td class="num${best ? ' best' : ''}" data-metric="${escapeHtml(metric.name)}">${formatScore(config.metrics[metric.name]?.mean)}</td>`;
    });
    return (
      `<tr data-config-id="${escapeHtml(config.configId)}"><td><code>${escapeHtml(config.configId)}</code></td>` +
      `<td>${escapeHtml(formatConfig(config.config))}</td>${cells.join('')}` +
      `<td class="num">${formatRate(config.errorRate)}</td><td class="num">${formatMs(config.latency.p50)}</td>` +
      `<td class="num">${formatMs(config.latency.p95)}</td></tr>`
    );
  });
  return `<table class="results"><thead><tr>${head.map((h) => `<th>${escapeHtml(h)}</th>`).join('')}</tr></thead><tbody>${rows.join('')}</tbody></table>`;
}

function thresholdList(outcomes: readonly ThresholdOutcome[]): string {
  if (outcomes.length === 0) return '';
  const items = outcomes.map((o) => `<li class="${o.passed ? 'met' : 'not-met'}">${escapeHtml(formatThresholdOutcome(o))}</li>`);
  return `<h2>Thresholds</h2><ul class="thresholds">${items.join('')}</ul>`;
}

function problemList(configs: readonly ConfigEvaluation[]): string {
  const items = failureLines(configs);
  if (items.length === 0) return '';
  return `<h2>Failures</h2><ul class="problems">${items.map((item) => `<li>${escapeHtml(item)}</li>`).join('')}</ul>`;
}
