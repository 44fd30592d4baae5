/**
 * The flagship (`npm start`): a local, deterministic extractive summariser, run with five
 * configs over three articles and compared side by side. `run(..., true, ...)` awaits every
 * variant, so each article yields one row per config: its summary, keyword coverage and time.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Config, FunctionResult, Spearmint, run } from '@spearmint/decorators';

interface Article { title: string; keywords: string[]; text: string }
type SummaryConfig = Config<{ model: 'lead' | 'frequency' | 'position-weighted'; temperature: number; maxSentences: number }>;

const articles: Article[] = JSON.parse(readFileSync(join(__dirname, '..', 'data', 'articles.json'), 'utf8'));

const mint = new Spearmint({
  configs: [
    { model: 'lead', temperature: 0, maxSentences: 2 }, // main: what callers get
    { model: 'frequency', temperature: 0, maxSentences: 2 },
    { model: 'frequency', temperature: 0.8, maxSentences: 2 },
    { model: 'position-weighted', temperature: 0.4, maxSentences: 2 },
    { model: 'position-weighted', temperature: 0.4, maxSentences: 3 },
  ],
});

const STOPWORDS = new Set(
  ('a an and any are as at be because before both by can far from gives have in is it its just many must ' +
    'never now of old on once or so some such than that the their them they this through to when while with').split(' '),
);
const words = (text: string) => (text.toLowerCase().match(/[a-z]+/g) ?? []).filter((w) => !STOPWORDS.has(w));

class Summariser {
  @mint.experiment()
  summarise(text: string, config?: SummaryConfig): string {
    const { model, temperature, maxSentences } = config!;
    const sentences = (text.match(/[^.!?]+[.!?]/g) ?? [text]).map((s) => s.trim());
    const tokens = sentences.map((s) => new Set(words(s)));
    const frequency = new Map<string, number>();
    for (const set of tokens) for (const w of set) frequency.set(w, (frequency.get(w) ?? 0) + 1);

    const base = tokens.map((set, i) => {
      if (model === 'lead') return 1 / (1 + i); // the first sentences first
      const content = [...set].reduce((sum, w) => sum + frequency.get(w)!, 0) / Math.sqrt(set.size || 1);
      return model === 'frequency' ? content : content / (1 + 0.15 * i); // position-weighted: earlier is better
    });

    // Greedy picks. No randomness: temperature weighs a penalty for overlap with the
    // sentences already picked, so a higher temperature spreads the summary over more topics.
    const picked: number[] = [];
    while (picked.length < Math.min(maxSentences, sentences.length)) {
      let best = -1;
      let bestScore = -Infinity;
      tokens.forEach((set, i) => {
        if (picked.includes(i)) return;
        const overlap = Math.max(0, ...picked.map((j) => jaccard(set, tokens[j]!)));
        const score = base[i]! * (1 - temperature * overlap);
        if (score > bestScore) [best, bestScore] = [i, score];
      });
      picked.push(best);
    }
    return picked.sort((a, b) => a - b).map((i) => sentences[i]).join(' ');
  }
}

function jaccard(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  const shared = [...a].filter((w) => b.has(w)).length;
  return shared / (a.size + b.size - shared || 1);
}

/** Share of the article's reference keywords that the summary mentions. */
const coverage = (summary: string, keywords: string[]) =>
  keywords.filter((k) => summary.toLowerCase().includes(k)).length / keywords.length;

// ---- run every article through every config -------------------------------------------

const summariser = new Summariser();
run(summariser.summarise, true, (runner) => runner(articles[0]!.text)); // warm-up, so JIT time is not the first config's
const perArticle = run(summariser.summarise, true, (runner) => articles.map((article) => runner(article.text)));

// ---- print ------------------------------------------------------------------------------

const tty = process.stdout.isTTY === true && !process.env.NO_COLOR;
const style = (code: string, text: string) => (tty ? `\x1b[${code}m${text}\x1b[0m` : text);
const width = tty ? Math.max(100, process.stdout.columns ?? 120) : 120;
const pct = (x: number) => `${Math.round(100 * x)}%`;
const truncate = (text: string, max: number) => (text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`);
/** The summary in `max` characters: the start of each of its sentences. */
const abbreviate = (summary: string, max: number) => {
  const sentences = summary.match(/[^.!?]+[.!?]/g) ?? [summary];
  const each = Math.floor((max - 3 * (sentences.length - 1)) / sentences.length);
  return sentences.map((s) => truncate(s.trim(), each)).join(' / ');
};
const configCells = (c: SummaryConfig) => [c.config_id, c.model, c.temperature.toFixed(1), String(c.maxSentences)];

interface Column { title: string; right?: boolean }
function printTable(columns: Column[], rows: string[][], marks: boolean[] = []): void {
  const widths = columns.map((c, i) => Math.max(c.title.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) =>
    cells.map((cell, i) => (columns[i]!.right ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!))).join('  ').trimEnd();
  console.log(style('1', `  ${line(columns.map((c) => c.title))}`));
  console.log(style('2', `  ${line(widths.map((w) => '─'.repeat(w)))}`));
  rows.forEach((row, r) => console.log(`${marks[r] ? style('32', '●') : ' '} ${line(row)}`));
}

const configs = mint.configs as readonly SummaryConfig[];
console.log(style('1', `Spearmint flagship: extractive summaries, ${configs.length} configs x ${articles.length} articles`));
console.log(`● marks the main config (what a direct call returns); the others ran as awaited variants.\n`);

const fixed = 16 + 17 + 4 + 3 + 8 + 6 + 2 * 6 + 2; // the other columns, their separators and the mark
const header: Column[] = [
  { title: 'config_id' }, { title: 'model' }, { title: 'temp', right: true }, { title: 'max', right: true },
  { title: 'coverage', right: true }, { title: 'summary' }, { title: 'ms', right: true },
];
const totals = new Map<string, { config: SummaryConfig; coverage: number; words: number; ms: number }>();

perArticle.forEach((results, a) => {
  const article = articles[a]!;
  const executions: FunctionResult<string>[] = [results.mainResult, ...results.variantResults];
  console.log(style('1;36', `${a + 1}. ${article.title}`) + style('2', `  (keywords: ${article.keywords.join(', ')})`));
  const rows = executions.map((r) => {
    const config = r.experimentCase.getConfig(summariser.summarise) as SummaryConfig;
    const summary = r.ok ? r.result! : `error: ${String(r.error)}`;
    const covered = coverage(summary, article.keywords);
    const total = totals.get(config.config_id) ?? { config, coverage: 0, words: 0, ms: 0 };
    total.coverage += covered / articles.length;
    total.words += summary.split(/\s+/).length / articles.length;
    total.ms += r.durationMs;
    totals.set(config.config_id, total);
    return [...configCells(config), pct(covered), abbreviate(summary, width - fixed), r.durationMs.toFixed(3)];
  });
  printTable(header, rows, executions.map((r) => r === results.mainResult));
  console.log();
});

console.log(style('1;36', 'Overall') + style('2', `  (mean over ${articles.length} articles; ms is the total)`));
const overall = [...totals.values()];
printTable(
  [{ title: 'config_id' }, { title: 'model' }, { title: 'temp', right: true }, { title: 'max', right: true },
    { title: 'coverage', right: true }, { title: 'words', right: true }, { title: 'ms', right: true }],
  overall.map((t) => [...configCells(t.config), pct(t.coverage), t.words.toFixed(1), t.ms.toFixed(3)]),
  overall.map((_, i) => i === 0),
);
const best = [...overall].sort((x, y) => y.coverage - x.coverage || x.words - y.words)[0]!;
console.log(`\nbest coverage: ${best.config.config_id} (${best.config.model}, temperature ${best.config.temperature}, ` +
  `${best.config.maxSentences} sentences) with ${pct(best.coverage)} of the keywords in ${best.words.toFixed(1)} words`);
