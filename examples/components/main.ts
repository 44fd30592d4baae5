/**
 * components: functions and class instances as config values. Configs keep them by
 * reference (callable as usual), and config ids hash them by name, as the Python library
 * does: a function as "<function NAME>", a class instance as "<ClassName>".
 */
import { Config, DynamicValue, Spearmint, computeConfigId, run } from '@spearmint/decorators';

type Tokenizer = (text: string) => string[];
interface Scorer { score(a: ReadonlySet<string>, b: ReadonlySet<string>): number }

function whitespace(text: string): string[] {
  return text.toLowerCase().split(/\s+/).filter(Boolean);
}
function words(text: string): string[] {
  return text.toLowerCase().match(/[a-z0-9]+/g) ?? [];
}
function bigrams(text: string): string[] {
  const letters = text.toLowerCase().replace(/[^a-z0-9]/g, '');
  return Array.from({ length: Math.max(0, letters.length - 1) }, (_, i) => letters.slice(i, i + 2));
}

const shared = (a: ReadonlySet<string>, b: ReadonlySet<string>) => [...a].filter((t) => b.has(t)).length;
class JaccardScorer implements Scorer {
  score(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
    return shared(a, b) / (a.size + b.size - shared(a, b) || 1);
  }
}
class OverlapScorer implements Scorer {
  score(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
    return shared(a, b) / (Math.min(a.size, b.size) || 1);
  }
}

const mint = new Spearmint({
  configs: [
    {
      tokenizer: new DynamicValue([whitespace, words, bigrams]),
      scorer: new DynamicValue([new JaccardScorer(), new OverlapScorer()]),
    },
  ],
});

class Matcher {
  @mint.experiment()
  similarity(a: string, b: string, config?: Config<{ tokenizer: Tokenizer; scorer: Scorer }>): number {
    const { tokenizer, scorer } = config!;
    return scorer.score(new Set(tokenizer(a)), new Set(tokenizer(b)));
  }
}

const matcher = new Matcher();
const results = run(matcher.similarity, true, (runner) =>
  runner('Spearmint: A/B testing for your functions.', 'A/B testing your functions with Spearmint'),
);

console.log('config_id         tokenizer   scorer         similarity');
for (const r of [results.mainResult, ...results.variantResults]) {
  const { config_id, tokenizer, scorer } = r.experimentCase.getConfig(matcher.similarity);
  console.log(`${config_id}  ${tokenizer.name.padEnd(10)}  ${scorer.constructor.name.padEnd(13)}  ${r.result!.toFixed(3)}`);
}

// The id of a config with components is the id of the same config with their names.
const main = results.mainResult.experimentCase.getConfig(matcher.similarity);
const byName = computeConfigId({ tokenizer: '<function whitespace>', scorer: '<JaccardScorer>' });
console.log(`\nmain config_id ${main.config_id} = id of { tokenizer: "<function whitespace>", scorer: "<JaccardScorer>" }: ${main.config_id === byName}`);
console.log(`the config holds the very function: ${main.tokenizer === whitespace}`);
