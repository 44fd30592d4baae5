import type { Config } from '../config/config';
import { callExperiment } from '../run/call-experiment';
import { runExperiment } from '../run/run-experiment';
import type { RunnableExperiment } from '../run/runnable-experiment';
import { Experiment } from '../experiment/experiment';
import type { ExperimentBinding } from '../experiment/registry';
import { Supervisor } from '../supervision/supervisor';
import { strategies } from '../strategies/strategies';
import { CaseCache, type Lookup } from './case-cache';
import type { CacheStatus } from './evaluation-result';
import type { ResponseCache } from './response-cache';

/** What one execution of the evaluated function gave, with its case. */
export interface CaseOutcome {
  readonly configId: string;
  readonly config: Config;
  readonly configIds: Readonly<Record<string, string>>;
  readonly ok: boolean;
  readonly output: unknown;
  readonly error?: unknown;
  readonly durationMs: number;
  /** With a response cache: how it served this execution. */
  readonly cache?: CacheStatus;
}

interface Settled {
  readonly ok: boolean;
  readonly value: unknown;
  readonly durationMs: number;
  readonly cache?: CacheStatus;
}

/** One call of the evaluated function: the arguments, and what the cache keys it by. */
interface CaseCall {
  readonly args: readonly unknown[];
  readonly repeat: number;
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
 * function, `currentCase()` and `getConfig(fn)` work as in any run. With a response cache, each
 * execution first looks its case up (see `CaseCache`), and a hit returns the stored output
 * without calling the function.
 */
export function createCaseRunner(
  { experiment, bound }: ExperimentBinding,
  fn: Function,
  responseCache?: ResponseCache,
): (args: readonly unknown[], repeat: number) => Promise<CaseOutcome[]> {
  const thisArg = bound?.thisArg;
  const leading = bound?.args ?? [];
  const entryName = `evaluate(${experiment.name})`;
  let cache: CaseCache | undefined;
  let cacheFailure: { error: unknown } | undefined;
  const onCacheError = (error: unknown) => void (cacheFailure ??= { error });
  const entry = new Experiment({
    target: function evaluateCall(call: CaseCall): Promise<Settled> {
      return settle(experiment, thisArg, [...leading, ...call.args], call, cache, onCacheError);
    },
    name: entryName,
    configs: [],
    strategy: strategies.shadow,
    supervisor: new Supervisor(),
    injections: [],
    nestedConfigs: 'all', // no strategy is consulted: every config of every experiment below takes part
  });
  if (responseCache) cache = new CaseCache(responseCache, experiment, entry);
  return async (args, repeat) => {
    const call: CaseCall = { args, repeat };
    const results = await runExperiment(entry, undefined, [call], true);
    if (cacheFailure) throw cacheFailure.error;
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
        ...(settled.cache !== undefined ? { cache: settled.cache } : {}),
      };
    });
  };
}

/**
 * Calls the evaluated experiment (nested: with its case's config) and settles its outcome; with
 * a cache, a hit settles without the call, and a miss is stored after it. What the cache throws
 * (an unusable directory) goes to `onCacheError` and settles the execution as failed.
 */
async function settle(
  experiment: RunnableExperiment,
  thisArg: unknown,
  args: unknown[],
  call: CaseCall,
  cache: CaseCache | undefined,
  onCacheError: (error: unknown) => void,
): Promise<Settled> {
  let lookup: Lookup | undefined;
  try {
    if (cache) {
      lookup = await cache.lookup(call.args, call.repeat);
      if (lookup.hit) return { ok: true, value: lookup.hit.output, durationMs: lookup.hit.durationMs, cache: 'hit' };
    }
    const started = performance.now();
    let settled: Settled;
    try {
      const value = await callExperiment(experiment, thisArg, args);
      settled = { ok: true, value, durationMs: performance.now() - started };
    } catch (error) {
      settled = { ok: false, value: error, durationMs: performance.now() - started };
    }
    if (!cache || !lookup || lookup.hit) return settled;
    return { ...settled, cache: await cache.store(lookup, call.repeat, settled) };
  } catch (error) {
    onCacheError(error);
    return { ok: false, value: error, durationMs: 0 };
  } finally {
    if (lookup && !lookup.hit) lookup.release?.(); // never leave other lookups waiting on this one
  }
}
