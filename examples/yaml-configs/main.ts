/**
 * yaml-configs: configs from YAML files. A directory source loads every .yaml / .yml / .json
 * file below it, sorted by path (the first is main); a file's `!sweep [a, b]` expands like a
 * DynamicValue. Files are read once, when `new Spearmint(...)` runs; a call never reads one.
 */
import { join, relative } from 'node:path';
import { Config, ConfigFileNotFoundError, Spearmint, run } from '@spearmint/decorators';

const configDir = join(__dirname, '..', 'configs');
const text =
  'Spearmint is a species of mint native to Europe and southern temperate Asia. Spearmint leaves ' +
  'are used fresh or dried to flavour teas, sauces and chewing gum. Mint oil from spearmint is milder than peppermint oil.';

const summaries = new Spearmint({ configs: [join(configDir, 'summarizer')] });
const keywords = new Spearmint({ configs: [join(configDir, 'sweep.yaml')] });

class TextTools {
  @summaries.experiment()
  summarize(input: string, config?: Config<{ max_words: number; ending: string }>): string {
    const words = input.split(/\s+/);
    return words.length <= config!.max_words ? input : words.slice(0, config!.max_words).join(' ') + config!.ending;
  }

  @keywords.experiment()
  keywords(input: string, config?: Config<{ min_length: number; top_k: number; lowercase: boolean }>): string {
    const counts = new Map<string, number>();
    for (const raw of input.match(/\p{L}+/gu) ?? []) {
      const word = config!.lowercase ? raw.toLowerCase() : raw;
      if (word.length >= config!.min_length) counts.set(word, (counts.get(word) ?? 0) + 1);
    }
    // Most frequent first; ties in order of first appearance (Map keeps insertion order).
    return [...counts].sort((a, b) => b[1] - a[1]).slice(0, config!.top_k).map(([word]) => word).join(', ');
  }
}

const tools = new TextTools();

const summaryRuns = run(tools.summarize, true, (runner) => runner(text));
console.log(`summaries: ${summaries.configs.length} configs from ${relative(process.cwd(), join(configDir, 'summarizer'))}/`);
printTable(
  ['role', 'config_id', 'max_words', 'summary'],
  [summaryRuns.mainResult, ...summaryRuns.variantResults].map((r, i) => {
    const config = r.experimentCase.getConfig(tools.summarize);
    return [i === 0 ? 'main' : 'variant', config.config_id, String(config.max_words), String(r.result)];
  }),
);

const keywordRuns = run(tools.keywords, true, (runner) => runner(text));
console.log(`\nkeywords: ${keywords.configs.length} configs from the !sweep in ${relative(process.cwd(), join(configDir, 'sweep.yaml'))}`);
printTable(
  ['role', 'config_id', 'top_k', 'lowercase', 'keywords'],
  [keywordRuns.mainResult, ...keywordRuns.variantResults].map((r, i) => {
    const config = r.experimentCase.getConfig(tools.keywords);
    return [i === 0 ? 'main' : 'variant', config.config_id, String(config.top_k), String(config.lowercase), String(r.result)];
  }),
);

// A wrong path fails at set-up, naming the path it looked at.
try {
  new Spearmint({ configs: [join(configDir, 'summariser')] });
} catch (error) {
  if (!(error instanceof ConfigFileNotFoundError)) throw error;
  console.log(`\na typo in a path fails at set-up: ${error.name} (${error.code})`);
  console.log(`looked at: ${relative(process.cwd(), error.path)}`);
}

function printTable(header: string[], rows: string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((cell, i) => cell.padEnd(widths[i]!)).join('  ').trimEnd();
  console.log(line(header));
  console.log(line(widths.map((w) => '-'.repeat(w))));
  rows.forEach((row) => console.log(line(row)));
}
