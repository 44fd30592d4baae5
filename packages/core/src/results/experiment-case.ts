import type { Config } from '../config/config';
import { UnknownExperimentError } from '../errors';
import type { CaseMember } from './case-member';

/**
 * One assignment of a config to each experiment taking part in a call: the entry experiment
 * and every experiment it called, directly or not.
 */
export class ExperimentCase {
  // Parallel arrays, entry experiment first: cases hold a handful of experiments, and a case
  // is made on every call, so this is cheaper than a Map.
  readonly #experiments: CaseMember[];
  readonly #configs: Config[];
  #configIds: Readonly<Record<string, string>> | undefined;

  /** @internal Cases are made by the engine. */
  constructor(experiments: CaseMember[], configs: Config[]) {
    this.#experiments = experiments;
    this.#configs = configs;
  }

  /**
   * The `config_id` this case assigns to an experiment, given as the experiment function
   * itself (exact) or its name (`'TextService.generate'`; the first of that name in the case).
   * Throws an `UnknownExperimentError` when the experiment took no part in the case.
   */
  getConfigId(experiment: string | Function): string {
    return this.#lookup(experiment).config_id;
  }

  /**
   * The `Config` this case assigns to an experiment; see `getConfigId`. Give its values' type
   * to read them typed: `getConfig<{ model: string }>(svc.generate).model`.
   */
  getConfig<T extends object = Record<string, any>>(experiment: string | Function): Config<T> {
    return this.#lookup(experiment) as Config<T>;
  }

  #lookup(experiment: string | Function): Config {
    if (typeof experiment === 'string') {
      const index = this.#experiments.findIndex((candidate) => candidate.name === experiment);
      if (index < 0) throw new UnknownExperimentError(experiment, this.#names());
      return this.#configs[index]!;
    }
    const target = this.#experiments[0]!.experimentOf(experiment, 'ExperimentCase#getConfig');
    const config = this.configFor(target);
    if (!config) throw new UnknownExperimentError(target.name, this.#names());
    return config;
  }

  /** Experiment name → `config_id` of every experiment in this case. */
  get configIds(): Readonly<Record<string, string>> {
    if (!this.#configIds) {
      const ids: Record<string, string> = {};
      this.#experiments.forEach((experiment, i) => (ids[experiment.name] ??= this.#configs[i]!.config_id));
      this.#configIds = Object.freeze(ids);
    }
    return this.#configIds;
  }

  /** @internal The config of `experiment`, or `undefined` when the case has none for it yet. */
  configFor(experiment: CaseMember): Config | undefined {
    const experiments = this.#experiments;
    for (let i = 0; i < experiments.length; i++) if (experiments[i] === experiment) return this.#configs[i];
    return undefined;
  }

  /** @internal Adds a nested experiment discovered while this case runs. */
  assign(experiment: CaseMember, config: Config): void {
    this.#experiments.push(experiment);
    this.#configs.push(config);
    this.#configIds = undefined;
  }

  /** @internal The experiments of this case, entry first, then in the order they joined it. */
  get experiments(): readonly CaseMember[] {
    return this.#experiments;
  }

  #names(): string[] {
    return this.#experiments.map((experiment) => experiment.name);
  }
}
