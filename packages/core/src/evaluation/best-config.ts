import type { BestConfig, ConfigEvaluation, MetricInfo } from './evaluation-result';

/**
 * The config with the best mean of `metric` among the eligible configs (those whose error rate
 * is not above main's by more than its 95 % interval allows; main always is); a tie goes to the
 * first in case order. `undefined` when no eligible config has a score for it.
 */
export function bestConfig(configs: readonly ConfigEvaluation[], metric: MetricInfo): BestConfig | undefined {
  let winner: ConfigEvaluation | undefined;
  let winnerMean = NaN;
  for (const config of configs) {
    const mean = config.metrics[metric.name]?.mean;
    if (!config.eligible || mean === undefined || Number.isNaN(mean)) continue;
    if (winner === undefined || (metric.better === 'higher' ? mean > winnerMean : mean < winnerMean)) {
      winner = config;
      winnerMean = mean;
    }
  }
  return winner && { configId: winner.configId, mean: winnerMean, errorRate: winner.errorRate };
}
