import type { EvaluationResult } from '@spearmint/decorators';
import type { BaselineReport, RegressionOutcome } from './baseline';
import { formatConfig } from './format-config';
import type { ThresholdOutcome } from './thresholds';

/** What `--json` prints and `--save-run` saves: the result, plus the gates' outcomes when there are any. */
export type RunJson = EvaluationResult & {
  readonly thresholds?: readonly ThresholdOutcome[];
  readonly baseline?: BaselineReport;
  readonly maxRegressions?: readonly RegressionOutcome[];
};

/**
 * The run as indented JSON. Intervals that could not be estimated are written as `[null, null]`
 * (JSON has no Infinity). Should a config value refuse to be serialised (a throwing `toJSON` or
 * getter), configs are written as their `key=value` text instead. A shard's `state` (what
 * `spearmint merge` needs) is kept only with `keepState` (`--save-run`), not printed.
 */
export function runJson(run: RunJson, { keepState = false }: { keepState?: boolean } = {}): string {
  if (!keepState && run.state !== undefined) {
    const { state: _state, ...rest } = run;
    run = rest;
  }
  const replacer = (_key: string, value: unknown) => (typeof value === 'bigint' ? value.toString() : value);
  try {
    return JSON.stringify(run, replacer, 2);
  } catch {
    const configs = run.configs.map((config) => ({ ...config, config: safeConfigText(config.config) }));
    return JSON.stringify({ ...run, configs }, replacer, 2);
  }
}

function safeConfigText(config: EvaluationResult['configs'][number]['config']): string {
  try {
    return formatConfig(config);
  } catch {
    return String(config.config_id);
  }
}
