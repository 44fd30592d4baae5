/**
 * dataset: every record of a JSONL file goes through an experiment with 3 configs (awaited
 * variants), and the results are scored per config: accuracy and mean duration.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Config, ExperimentCaseResults, FunctionResult, Spearmint, run } from '@spearmint/decorators';

type Label = 'positive' | 'negative' | 'neutral';
interface Review { id: number; text: string; label: Label }
type ClassifierConfig = Config<{ lexicon: 'basic' | 'extended'; negation: boolean }>;

const reviews: Review[] = readFileSync(join(__dirname, '..', 'data', 'reviews.jsonl'), 'utf8')
  .split('\n')
  .filter((line) => line.trim() !== '')
  .map((line) => JSON.parse(line) as Review);

const LEXICONS = {
  basic: { good: 1, great: 1, love: 1, excellent: 1, happy: 1, bad: -1, terrible: -1, hate: -1, awful: -1, broken: -1 },
  extended: { fast: 1, perfect: 1, recommend: 1, works: 1, amazing: 1, slow: -1, disappointed: -1, refund: -1, waste: -1, poor: -1 },
};
const NEGATIONS = new Set(['not', 'never', "don't", "isn't"]);

const mint = new Spearmint({
  configs: [
    { lexicon: 'basic', negation: false },
    { lexicon: 'basic', negation: true },
    { lexicon: 'extended', negation: true },
  ],
});

class SentimentClassifier {
  @mint.experiment()
  classify(text: string, config?: ClassifierConfig): Label {
    const words: Record<string, number> =
      config!.lexicon === 'basic' ? LEXICONS.basic : { ...LEXICONS.basic, ...LEXICONS.extended };
    const tokens = text.toLowerCase().match(/[a-z']+/g) ?? [];
    let score = 0;
    tokens.forEach((token, i) => {
      const polarity = words[token] ?? 0;
      const negated = config!.negation && tokens.slice(Math.max(0, i - 2), i).some((t) => NEGATIONS.has(t));
      score += negated ? -polarity : polarity;
    });
    return score > 0 ? 'positive' : score < 0 ? 'negative' : 'neutral';
  }
}

const classifier = new SentimentClassifier();
const allResults: ExperimentCaseResults<Label>[] = run(classifier.classify, true, (runner) =>
  reviews.map((review) => runner(review.text)),
);

// Group every execution (main and variants) by the config it ran with.
const byConfig = new Map<string, { config: ClassifierConfig; correct: number; total: number; ms: number }>();
allResults.forEach((results, i) => {
  const executions: FunctionResult<Label>[] = [results.mainResult, ...results.variantResults];
  for (const r of executions) {
    const config = r.experimentCase.getConfig(classifier.classify) as ClassifierConfig;
    const row = byConfig.get(config.config_id) ?? { config, correct: 0, total: 0, ms: 0 };
    row.total += 1;
    row.correct += r.ok && r.result === reviews[i]!.label ? 1 : 0;
    row.ms += r.durationMs;
    byConfig.set(config.config_id, row);
  }
});

console.log(`${reviews.length} records x ${byConfig.size} configs\n`);
const rows = [...byConfig.values()].map(({ config, correct, total, ms }) => [
  config.config_id,
  config.lexicon,
  String(config.negation),
  `${((100 * correct) / total).toFixed(1)}%`,
  `${correct}/${total}`,
  (ms / total).toFixed(3),
]);
printTable(['config_id', 'lexicon', 'negation', 'accuracy', 'correct', 'mean ms'], rows);

function printTable(header: string[], rows: string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((cell, i) => cell.padEnd(widths[i]!)).join('  ').trimEnd();
  console.log(line(header));
  console.log(line(widths.map((w) => '-'.repeat(w))));
  rows.forEach((row) => console.log(line(row)));
}
