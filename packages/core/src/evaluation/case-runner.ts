import type { Config } from '../config/config';
import { callExperiment, runExperiment } from '../engine/execute';
import { Experiment } from '../engine/experiment';
import type { ExperimentBinding } from '../engine/registry';
import { Supervisor } from '../engine/supervisor';
import { strategies } from '../strategies/strategies';

/** What one execution of the evaluated function gave, with its case. */
export interface CaseOutcome {
  readonly configId: string;
  readonly config: Config;
  readonly configIds: Readonly<Record<string, string>>;
  readonly ok: boolean;
  readonly output: unknown;
  readonly error?: unknown;
  readonly durationMs: number;
}

interface Settled {
  readonly ok: boolean;
  readonly value: unknown;
  readonly durationMs: number;
}

/**
 * Runs one call of the evaluated experiment in every case: main and every variant, awaited.
 *
 * The evaluated experiment runs nested inside a small entry experiment of the evaluation's own
 * (one config, no hooks, `nestedConfigs: 'all'`), whose function catches what the evaluated
 * function throws. So the evaluated experiment, and every experiment it calls, takes part with
 * every one of its configs (the cartesian product, first config as main), whatever their
 * strategies, and a failing main does not
 * hide the variants' results: every execution comes back as a `CaseOutcome`. Inside the
 * function, `currentCase()` and `getConfig(fn)` work as in any run.
 */
export function createCaseRunner({ experiment, bound }: ExperimentBinding, fn: Function): (args: readonly unknown[]) => Promise<CaseOutcome[]> {
  const thisArg = bound?.thisArg;
  const leading = bound?.args ?? [];
  const entryName = `evaluate(${experiment.name})`;
  const entry = new Experiment({
    target: function evaluateCall(args: readonly unknown[]): Promise<Settled> {
      return settle(experiment, thisArg, [...leading, ...args]);
    },
    name: entryName,
    configs: [],
    strategy: strategies.shadow,
    supervisor: new Supervisor(),
    injections: [],
    nestedConfigs: 'all', // no strategy is consulted: every config of every experiment below takes part
  });
  return async (args) => {
    const results = await runExperiment(entry, undefined, [args], true);
    return [results.mainResult, ...results.variantResults].map((result) => {
      const settled = result.result as Settled;
      const experimentCase = result.experimentCase;
      const configIds = { ...experimentCase.configIds };
      delete configIds[entryName];
      const ids = Object.values(configIds);
      return {
        configId: ids.join(' × '),
        config: experimentCase.getConfig(fn),
        configIds,
        ok: settled.ok,
        output: settled.ok ? settled.value : undefined,
        ...(settled.ok ? {} : { error: settled.value }),
        durationMs: settled.durationMs,
      };
    });
  };
}

/** Calls the evaluated experiment (nested: with its case's config) and settles its outcome. */
async function settle(experiment: Experiment, thisArg: unknown, args: unknown[]): Promise<Settled> {
  const started = performance.now();
  try {
    const value = await callExperiment(experiment, thisArg, args);
    return { ok: true, value, durationMs: performance.now() - started };
  } catch (error) {
    return { ok: false, value: error, durationMs: performance.now() - started };
  }
}
