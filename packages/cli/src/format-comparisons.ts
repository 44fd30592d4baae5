import type { EvaluationResult } from '@spearmint/decorators';
import type { BaselineReport } from './baseline';
import { formatDiff, formatInterval, formatRate, formatScore } from './format-numbers';
import { textTable } from './text-table';

/**
 * `best: recall lead-2 0.888 (errors 0.0%); ...`, and the configs not eligible for best: those
 * whose error rate is above main's by more than its 95 % interval allows.
 */
export function bestLines(result: EvaluationResult): string[] {
  const best = result.metrics
    .filter((metric) => result.best[metric.name])
    .map((metric) => {
      const { configId, mean, errorRate } = result.best[metric.name]!;
      return `${metric.name} ${configId} ${formatScore(mean)} (errors ${formatRate(errorRate)})`;
    });
  const main = result.configs[0];
  const ineligible = result.configs
    .filter((config) => !config.eligible)
    .map((config) => {
      const vs = config.errorRateVsMain;
      return `${config.configId} (errors ${formatRate(config.errorRate)} vs main's ${formatRate(main?.errorRate ?? 0)}: ${formatDiff(vs?.diff)} ${formatInterval(vs?.ci95, true)})`;
    });
  return [
    ...(best.length > 0 ? [`best: ${best.join('; ')}`] : []),
    ...(ineligible.length > 0 ? [`not eligible for best (error rate above main's beyond its 95% interval): ${ineligible.join('; ')}`] : []),
  ];
}

/** Each variant against main, per metric: paired difference, interval, wins/ties/losses, verdict. */
export function vsMainLines(result: EvaluationResult): string[] {
  const main = result.configs[0];
  const rows = result.configs.slice(1).flatMap((config) =>
    result.metrics.flatMap((metric) => {
      const vs = config.metrics[metric.name]?.vsMain;
      return vs ? [[config.configId, metric.name, formatDiff(vs.diff), formatInterval(vs.ci95, true), `${vs.wins}/${vs.ties}/${vs.losses}`, vs.verdict]] : [];
    }),
  );
  if (!main || rows.length === 0) return [];
  return [
    '',
    `vs main (${main.configId}): mean per-record difference, its 95% interval, records won/tied/lost`,
    ...textTable(['config_id', 'metric', 'diff', '95% interval', 'w/t/l', 'verdict'], rows),
  ];
}

/** The run against its baseline, per common config and metric. */
export function baselineLines(baseline: BaselineReport): string[] {
  const rows = baseline.rows.map((row) => [row.configId, row.metric, formatScore(row.baseline), formatScore(row.mean), formatDiff(row.diff), formatInterval(row.ci95, true), row.flag]);
  const only = [
    ...(baseline.onlyInCurrent.length > 0 ? [`only in this run: ${baseline.onlyInCurrent.join(', ')}`] : []),
    ...(baseline.onlyInBaseline.length > 0 ? [`only in the baseline: ${baseline.onlyInBaseline.join(', ')}`] : []),
  ];
  return [
    '',
    `vs baseline ${baseline.file}: difference of means, its 95% interval (Welch), flag`,
    ...textTable(['config_id', 'metric', 'baseline', 'now', 'diff', '95% interval', 'flag'], rows),
    ...only,
  ];
}
