import type { EvaluationResult, MetricInfo } from '@spearmint/decorators';
import { escapeHtml } from './escape-html';
import { formatScore } from './format-numbers';

const LABEL_WIDTH = 180;
const BAR_AREA = 420;
const VALUE_WIDTH = 70;
const ROW_HEIGHT = 28;
const BAR_HEIGHT = 18;

/**
 * An inline SVG bar chart of one metric: one horizontal bar per config, its width proportional
 * to the config's mean, so widths are ordered as the means are. (When a mean is negative, bars
 * start at the lowest mean instead of 0, and a line marks 0.) Each bar is a `<rect class="bar">`
 * with `data-metric`, `data-config-id` and `data-value` (empty, and width 0, for a config with
 * no score); the best config's bar also has the class `best`.
 */
export function barChart(result: EvaluationResult, metric: MetricInfo): string {
  const means = result.configs.map((config) => config.metrics[metric.name]?.mean);
  const defined = means.filter((mean): mean is number => mean !== undefined);
  const high = Math.max(0, ...defined);
  const low = Math.min(0, ...defined);
  const span = high - low;
  const best = result.best[metric.name]?.configId;
  const width = LABEL_WIDTH + BAR_AREA + VALUE_WIDTH;
  const height = ROW_HEIGHT * result.configs.length + 8;
  const rows = result.configs.map((config, i) => {
    const mean = means[i];
    const barWidth = mean === undefined || span === 0 ? 0 : ((mean - low) / span) * BAR_AREA;
    const x = LABEL_WIDTH;
    const y = 4 + i * ROW_HEIGHT;
    const id = escapeHtml(config.configId);
    const classes = config.configId === best ? 'bar best' : 'bar';
    return [
      `<text class="label" x="${LABEL_WIDTH - 8}" y="${y + BAR_HEIGHT - 4}" text-anchor="end">${id}</text>`,
      `<rect class="${classes}" data-metric="${escapeHtml(metric.name)}" data-config-id="${id}" data-value="${mean ?? ''}" ` +
        `x="${x.toFixed(2)}" y="${y}" width="${barWidth.toFixed(2)}" height="${BAR_HEIGHT}"><title>${id}: ${formatScore(mean)}</title></rect>`,
      `<text class="value" x="${LABEL_WIDTH + BAR_AREA + 8}" y="${y + BAR_HEIGHT - 4}">${mean === undefined ? 'no score' : formatScore(mean)}</text>`,
    ].join('');
  });
  const zero = LABEL_WIDTH + (span === 0 ? 0 : (-low / span) * BAR_AREA);
  const zeroLine = `<line class="axis" x1="${zero.toFixed(2)}" y1="0" x2="${zero.toFixed(2)}" y2="${height}"/>`;
  return (
    `<svg class="chart" role="img" aria-label="${escapeHtml(`${metric.name} per config`)}" data-metric="${escapeHtml(metric.name)}" ` +
    `width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" xmlns="http://www.w3.org/2000/svg">${rows.join('')}${zeroLine}</svg>`
  );
}
