import type { EvaluationResult } from '../../../src';

/**
 * A result as JSON data without what depends on the clock (`durationMs`, latencies) or on how it
 * was split (`shard`, `state`): what two evaluations of the same records must agree on exactly.
 */
export function comparable(result: EvaluationResult): unknown {
  const { durationMs: _duration, shard: _shard, state: _state, ...rest } = result;
  return JSON.parse(JSON.stringify({ ...rest, configs: result.configs.map(({ latency: _latency, ...config }) => config) }));
}
