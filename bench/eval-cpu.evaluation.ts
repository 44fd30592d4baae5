// A CPU-bound evaluation for `npm run eval:scale` (`--workers`): a deterministic "model" that
// spends a few milliseconds of pure computation per call (string hashing rounds), over 300
// generated records with two configs.
import { defineEvaluation } from '@spearmint/cli';
import { type Config, experiment, levenshtein } from '@spearmint/decorators';

const ROUNDS = Number(process.env.EVAL_CPU_ROUNDS ?? 40000);

const rewrite = experiment({
  name: 'rewrite',
  configs: [
    { config_id: 'short', keep: 4 },
    { config_id: 'long', keep: 8 },
  ],
})(function rewrite(text: string, config?: Config<{ keep: number }>): string {
  const words = text.split(' ');
  // Rank the words by a hash computed over many rounds: CPU work, no I/O.
  const scores = words.map((word) => {
    let h = 2166136261;
    for (let round = 0; round < ROUNDS; round++) {
      for (let i = 0; i < word.length; i++) h = Math.imul(h ^ (word.charCodeAt(i) + round), 16777619);
    }
    return h >>> 0;
  });
  const kept = words.map((word, i) => ({ word, i, score: scores[i]! })).sort((a, b) => a.score - b.score || a.i - b.i).slice(0, config!.keep);
  return kept.sort((a, b) => a.i - b.i).map((entry) => entry.word).join(' ');
});

const VOCABULARY = ['mint', 'leaf', 'garden', 'tea', 'sauce', 'runner', 'pot', 'bed', 'aroma', 'europe', 'asia', 'plant', 'water', 'sun'];

export default defineEvaluation({
  experiment: rewrite,
  dataset: Array.from({ length: Number(process.env.EVAL_CPU_RECORDS ?? 300) }, (_, n) => {
    // Every record is distinct (its number is a word), so no two share a cache entry.
    const words = [...Array.from({ length: 11 }, (_, j) => VOCABULARY[(n * 5 + j * 3) % VOCABULARY.length]!), `n${n}`];
    return { id: `r${n}`, input: words.join(' '), expected: words.slice(0, 6).join(' ') };
  }),
  evaluators: { similarity: levenshtein() },
  concurrency: 4,
});
