import type { Config } from '../config/config';
import { ExperimentCase } from '../experiment-case';

/**
 * The variant cases of an entry call, once its main execution has shown which experiments
 * take part: the cartesian product of every experiment's configs, outer experiment varying
 * slowest, without the main combination. The entry experiment contributes main and the
 * strategy's variants; a nested one, all its configs (its main, the first, leading).
 */
export function variantCases(mainCase: ExperimentCase, variantConfigs: readonly Config[]): ExperimentCase[] {
  const experiments = mainCase.experiments;
  const entry = experiments[0]!;
  if (experiments.length === 1) return variantConfigs.map((config) => new ExperimentCase([entry], [config]));

  const options = experiments.map((experiment, i) => {
    const main = mainCase.configFor(experiment)!;
    const others = i === 0 ? variantConfigs : experiment.configs.filter((config) => config !== main);
    return [main, ...others];
  });
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
