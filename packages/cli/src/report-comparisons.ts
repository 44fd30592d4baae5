import type { EvaluationResult } from '@spearmint/decorators';
import type { BaselineReport } from './baseline';
import { escapeHtml } from './escape-html';
import { bestLines } from './format-comparisons';
import { formatDiff, formatInterval, formatScore } from './format-numbers';

/** The best config per metric with its error rate, and the configs not eligible for best. */
export function bestSection(result: EvaluationResult): string {
  const lines = bestLines(result);
  if (lines.length === 0) return '';
  return `<ul class="best">${lines.map((line) => `<li>${escapeHtml(line)}</li>`).join('')}</ul>`;
}

/** `section#vs-main`: each variant against main per metric (one `tr[data-config-id][data-metric]` each). */
export function vsMainSection(result: EvaluationResult): string {
  const main = result.configs[0];
  const rows = result.configs.slice(1).flatMap((config) =>
    result.metrics.flatMap((metric) => {
      const vs = config.metrics[metric.name]?.vsMain;
      if (!vs) return [];
      return [
        `<tr data-config-id="${escapeHtml(config.configId)}" data-metric="${escapeHtml(metric.name)}" data-verdict="${vs.verdict}">` +
          `<td><code>${escapeHtml(config.configId)}</code></td><td>${escapeHtml(metric.name)}</td>` +
          `<td class="num">${formatDiff(vs.diff)}</td><td class="num">${formatInterval(vs.ci95, true)}</td>` +
          `<td class="num">${vs.wins} / ${vs.ties} / ${vs.losses}</td><td class="${vs.verdict}">${vs.verdict}</td></tr>`,
      ];
    }),
  );
  if (!main || rows.length === 0) return '';
  return (
    `<section id="vs-main"><h2>Against main <small>(${escapeHtml(main.configId)}): mean per-record difference, its 95% interval, records won / tied / lost</small></h2>` +
    `<table class="vs-main"><thead><tr><th>config_id</th><th>metric</th><th>diff</th><th>95% interval</th><th>won / tied / lost</th><th>verdict</th></tr></thead>` +
    `<tbody>${rows.join('')}</tbody></table></section>`
  );
}

/** `section#baseline`: the run against a saved one (one `tr[data-config-id][data-metric]` per common config and metric). */
export function baselineSection(baseline: BaselineReport | undefined): string {
  if (!baseline) return '';
  const rows = baseline.rows.map(
    (row) =>
      `<tr data-config-id="${escapeHtml(row.configId)}" data-metric="${escapeHtml(row.metric)}" data-flag="${row.flag}">` +
      `<td><code>${escapeHtml(row.configId)}</code></td><td>${escapeHtml(row.metric)}</td><td class="num">${formatScore(row.baseline)}</td>` +
      `<td class="num">${formatScore(row.mean)}</td><td class="num">${formatDiff(row.diff)}</td><td class="num">${formatInterval(row.ci95, true)}</td>` +
      `<td class="${row.flag}">${row.flag}</td></tr>`,
  );
  const only = [
    ...(baseline.onlyInCurrent.length > 0 ? [`Only in this run: ${baseline.onlyInCurrent.join(', ')}.`] : []),
    ...(baseline.onlyInBaseline.length > 0 ? [`Only in the baseline: ${baseline.onlyInBaseline.join(', ')}.`] : []),
  ];
  return (
    `<section id="baseline"><h2>Against the baseline <small><code>${escapeHtml(baseline.file)}</code>: difference of means, its 95% interval (Welch)</small></h2>` +
    `<table class="baseline"><thead><tr><th>config_id</th><th>metric</th><th>baseline</th><th>now</th><th>diff</th><th>95% interval</th><th>flag</th></tr></thead>` +
    `<tbody>${rows.join('')}</tbody></table>${only.map((line) => `<p class="note">${escapeHtml(line)}</p>`).join('')}</section>`
  );
}
