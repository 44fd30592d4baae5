import { type ExecutionScope, scopeStorage as executionStorage } from '../run/execution-scope';
import type { RunnableExperiment as Experiment } from '../run/runnable-experiment';
import type { CacheStatus } from './evaluation-result';
import { exactJson } from './exact-json';
import { cacheKey, type ResponseCache } from './response-cache';

/** What a cached execution gives back. */
export interface CachedOutput {
  readonly output: unknown;
  readonly durationMs: number;
}

/** The outcome of a lookup: a hit, or what `store` needs after the real call. */
export type Lookup =
  | { readonly hit: CachedOutput }
  | { readonly hit?: undefined; readonly input: string | undefined; readonly main: boolean; readonly release?: () => void };

/**
 * The response cache of one evaluation, consulted by each execution inside its own case. An
 * execution's key is the SHA-256 of the evaluated experiment's name, the `config_id` of every
 * experiment in its case, the call's input (canonical JSON) and the repetition.
 *
 * A variant's case names every experiment before it runs. Main's does not: nested experiments
 * join it as it runs. So when main runs with nested experiments, the names of the experiments
 * that joined are stored too (`joins`), and the next lookup of that main joins them first, with
 * the configs they take part with now (a changed config has a new `config_id`: a miss). The
 * experiments are known by name once one call in this evaluation has joined them; until then
 * (a new process), one main call is made for real to learn them, and the others wait for it.
 */
export class CaseCache {
  /** Nested experiments met in this evaluation, by name; `null` when two share a name. */
  readonly #known = new Map<string, Experiment | null>();
  #discovering: Promise<void> | undefined;

  constructor(
    private readonly cache: ResponseCache,
    private readonly experiment: Experiment,
    private readonly entry: Experiment,
  ) {}

  /** Called inside an execution's scope, before the call. */
  async lookup(args: readonly unknown[], repeat: number): Promise<Lookup> {
    const scope = executionStorage.getStore()!;
    const main = scope.experimentCase.configFor(this.experiment) === undefined;
    // What the call itself would do first: the evaluated experiment joins main's case.
    if (main) scope.configFor(this.experiment);
    const input = exactJson(args, true);
    if (input === undefined || !this.cache.reads) return { input, main };
    const hit = await this.#read(scope, input, repeat);
    if (hit || !main) return hit ? { hit } : { input, main };
    const joins = await this.cache.get(this.#joinsKey(scope, input, repeat));
    const names = parseNames(joins);
    if (names === undefined || names.length === 0) return { input, main };
    let experiments = this.#resolve(names);
    if (!experiments && this.#discovering) {
      await this.#discovering;
      experiments = this.#resolve(names);
    }
    if (!experiments) {
      // Not met yet in this process: this call runs for real and shows them; others wait for it.
      if (this.#discovering) return { input, main };
      let release!: () => void;
      const discovering = new Promise<void>((resolve) => (release = resolve));
      this.#discovering = discovering;
      const done = () => {
        if (this.#discovering === discovering) this.#discovering = undefined;
        release();
      };
      return { input, main, release: done };
    }
    for (const experiment of experiments) scope.configFor(experiment);
    const joined = await this.#read(scope, input, repeat);
    return joined ? { hit: joined } : { input, main };
  }

  /**
   * Called inside the scope after a real call: learns the experiments that joined, and stores the
   * output (of a successful call) and main's joins. Returns how the cache served the execution.
   */
  async store(lookup: Lookup & { hit?: undefined }, repeat: number, outcome: { ok: boolean; value: unknown; durationMs: number }): Promise<CacheStatus> {
    const scope = executionStorage.getStore()!;
    const nested = this.#learn(scope);
    lookup.release?.();
    const { input } = lookup;
    if (input === undefined) return 'uncacheable';
    if (!this.cache.writes) return 'miss';
    if (lookup.main && nested.length > 0) await this.cache.put(this.#joinsKey(scope, input, repeat), JSON.stringify(nested));
    if (!outcome.ok) return 'miss'; // failures are not cached: the next run calls again
    const output = outcome.value === undefined ? '' : exactJson(outcome.value, false);
    if (output === undefined) return 'uncacheable';
    const value = `{"durationMs":${JSON.stringify(outcome.durationMs)}${output === '' ? '' : `,"output":${output}`}}`;
    await this.cache.put(this.#outputKey(scope, input, repeat), value);
    return 'miss';
  }

  async #read(scope: ExecutionScope, input: string, repeat: number): Promise<CachedOutput | undefined> {
    const text = await this.cache.get(this.#outputKey(scope, input, repeat));
    if (text === undefined) return undefined;
    try {
      const stored = JSON.parse(text) as { durationMs?: unknown; output?: unknown };
      if (typeof stored.durationMs !== 'number') return undefined;
      return { output: stored.output, durationMs: stored.durationMs };
    } catch {
      return undefined; // a damaged entry is a miss, and is written anew
    }
  }

  /** Every experiment of the case but the evaluation's own entry: name → config_id, sorted by name. */
  #ids(scope: ExecutionScope): [string, string][] {
    return Object.entries(scope.experimentCase.configIds)
      .filter(([name]) => name !== this.entry.name)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  }

  #outputKey(scope: ExecutionScope, input: string, repeat: number): string {
    return cacheKey('output', `${JSON.stringify([1, this.experiment.name, this.#ids(scope), repeat])}\n${input}`);
  }

  /** Main's joins are keyed by the evaluated experiment's config alone: what is known before the call. */
  #joinsKey(scope: ExecutionScope, input: string, repeat: number): string {
    const configId = scope.experimentCase.configFor(this.experiment)?.config_id;
    return cacheKey('joins', `${JSON.stringify([1, this.experiment.name, configId, repeat])}\n${input}`);
  }

  /** The nested experiments of the case (in the order they joined), remembered by name. */
  #learn(scope: ExecutionScope): string[] {
    const names: string[] = [];
    for (const experiment of scope.members) {
      if (experiment === this.entry || experiment === this.experiment) continue;
      const known = this.#known.get(experiment.name);
      if (known === undefined) this.#known.set(experiment.name, experiment);
      else if (known !== experiment) this.#known.set(experiment.name, null);
      names.push(experiment.name);
    }
    return names;
  }

  #resolve(names: readonly string[]): Experiment[] | undefined {
    const experiments: Experiment[] = [];
    for (const name of names) {
      const experiment = this.#known.get(name);
      if (!experiment) return undefined;
      experiments.push(experiment);
    }
    return experiments;
  }
}

function parseNames(text: string | undefined): string[] | undefined {
  if (text === undefined) return undefined;
  try {
    const names: unknown = JSON.parse(text);
    return Array.isArray(names) && names.every((name) => typeof name === 'string') ? names : undefined;
  } catch {
    return undefined;
  }
}
