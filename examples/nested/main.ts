/**
 * nested: an outer experiment (summarise) calls an inner one (keywords). A run covers the
 * cartesian product of their configs: main is (first outer, first inner); the variants are
 * every other combination, the outer experiment varying slowest. No registration needed.
 */
import { Config, Spearmint, run } from '@spearmint/decorators';

const mint = new Spearmint();

class Keywords {
  @mint.experiment({ configs: [{ k: 2 }, { k: 3 }] })
  extract(text: string, config?: Config<{ k: number }>): string[] {
    const words = text.toLowerCase().match(/[a-z]{5,}/g) ?? [];
    return [...new Set(words)].slice(0, config!.k);
  }
}

class Summariser {
  constructor(private readonly keywords: Keywords) {}

  @mint.experiment({ configs: [{ format: 'tags' }, { format: 'sentence' }] })
  summarise(text: string, config?: Config<{ format: 'tags' | 'sentence' }>): string {
    const words = this.keywords.extract(text); // step 1: the inner experiment, config from the case
    return config!.format === 'tags' ? words.map((w) => `#${w}`).join(' ') : `About ${words.join(', ')}.`;
  }
}

const summariser = new Summariser(new Keywords());
const text = 'Spearmint compares configurations of functions using shadow traffic and offline evaluation.';
const results = run(summariser.summarise, true, (runner) => runner(text));

const cases = [results.mainResult, ...results.variantResults];
console.log(`${cases.length} cases = 2 outer configs x 2 inner configs`);
for (const [i, r] of cases.entries()) {
  const outer = r.experimentCase.getConfig('Summariser.summarise');
  const inner = r.experimentCase.getConfig('Keywords.extract');
  const role = (i === 0 ? 'main' : 'variant').padEnd(7);
  console.log(`${role} format=${outer.format.padEnd(8)} k=${inner.k}  ->  ${r.result}`);
}
console.log(`config ids of the main case: ${JSON.stringify(results.mainResult.experimentCase.configIds)}`);
