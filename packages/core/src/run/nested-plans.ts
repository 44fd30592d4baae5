import type { Config } from '../config/config';
import type { RequestValues } from '../context/request-context';
import type { RunnableExperiment } from './runnable-experiment';

/**
 * What each nested experiment takes part in one entry call with, as Python's `collect_options`
 * builds it: `[main, ...variants]` from the nested experiment's own strategy, asked once per
 * entry call (when the experiment first takes part, in the entry call's request values), shared
 * by main and every variant of the call. Under an entry experiment with `nestedConfigs: 'all'`
 * (`evaluate()`), every config, the first as main.
 */
export class NestedPlans {
  readonly #options = new Map<RunnableExperiment, readonly Config[]>();

  constructor(
    private readonly entry: RunnableExperiment,
    /** The entry call's request values, for the nested strategies. */
    private readonly requestValues: RequestValues | undefined,
  ) {}

  /** The config `experiment` joins the call with. */
  mainFor(experiment: RunnableExperiment): Config {
    return this.optionsFor(experiment)[0]!;
  }

  /** `[main, ...variants]` of `experiment` in this call. */
  optionsFor(experiment: RunnableExperiment): readonly Config[] {
    let options = this.#options.get(experiment);
    if (options === undefined) {
      if (this.entry.nestedConfigs === 'all') {
        options = experiment.configs;
      } else {
        const [main, variants] = experiment.planIn(this.requestValues);
        options = [main, ...variants];
      }
      this.#options.set(experiment, options);
    }
    return options;
  }
}
