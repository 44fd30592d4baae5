import type { Config } from '../config/config';
import { ExperimentCase } from '../experiment-case';
import type { NestedPlans } from './nested-plans';

/**
 * The variant cases of an entry call, once its main execution has shown which experiments
 * take part: the cartesian product of every experiment's options, outer experiment varying
 * slowest, without the main combination. The entry experiment's options are main and its
 * strategy's variants; a nested experiment's, what its own strategy returned for this call
 * (`NestedPlans`), main first, as Python's `collect_options` builds them.
 */
export function variantCases(mainCase: ExperimentCase, variantConfigs: readonly Config[], plans: NestedPlans): ExperimentCase[] {
  const experiments = mainCase.experiments;
  const entry = experiments[0]!;
  if (experiments.length === 1) return variantConfigs.map((config) => new ExperimentCase([entry], [config]));

  const options = experiments.map((experiment, i) => (i === 0 ? [mainCase.configFor(entry)!, ...variantConfigs] : plans.optionsFor(experiment)));
  const cases: ExperimentCase[] = [];
  const pick = (depth: number, chosen: Config[]): void => {
    if (depth === options.length) {
      if (chosen.some((config, i) => config !== options[i]![0])) cases.push(new ExperimentCase([...experiments], [...chosen]));
      return;
    }
    for (const config of options[depth]!) pick(depth + 1, [...chosen, config]);
  };
  pick(0, []);
  return cases;
}
