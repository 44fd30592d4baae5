import type { Config } from '../config/config';
import { ExperimentCase } from '../results/experiment-case';
import type { NestedPlans } from './nested-plans';
import type { RunnableExperiment } from './runnable-experiment';

/**
 * The variant cases of an entry call, once its main execution has shown which experiments
 * take part (`members`, entry first, as in main's case): the cartesian product of every
 * experiment's options, outer experiment varying slowest, without the main combination. The
 * entry experiment's options are main and its strategy's variants; a nested experiment's, what
 * its own strategy returned for this call (`NestedPlans`), main first, as Python's
 * `collect_options` builds them.
 */
export function variantCases(members: readonly RunnableExperiment[], main: Config, variantConfigs: readonly Config[], plans: NestedPlans): ExperimentCase[] {
  const entry = members[0]!;
  if (members.length === 1) return variantConfigs.map((config) => new ExperimentCase([entry], [config]));

  const options = members.map((experiment, i) => (i === 0 ? [main, ...variantConfigs] : plans.optionsFor(experiment)));
  const cases: ExperimentCase[] = [];
  const pick = (depth: number, chosen: Config[]): void => {
    if (depth === options.length) {
      if (chosen.some((config, i) => config !== options[i]![0])) cases.push(new ExperimentCase([...members], [...chosen]));
      return;
    }
    for (const config of options[depth]!) pick(depth + 1, [...chosen, config]);
  };
  pick(0, []);
  return cases;
}
