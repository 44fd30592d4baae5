/**
 * sweep: `DynamicValue` expands one config into the cartesian product of its values. Here
 * 2 models x 3 temperatures = 6 configs; the first dynamic key (model) varies slowest, and
 * the first combination is main.
 */
import { Config, DynamicValue, Spearmint, run } from '@spearmint/decorators';

const mint = new Spearmint({
  configs: [{ model: new DynamicValue(['gpt-4o', 'gpt-4o-mini']), temperature: new DynamicValue([0, 0.5, 1]) }],
});

const vocabulary: Record<string, string[]> = {
  'gpt-4o': ['fresh', 'bold', 'electric'],
  'gpt-4o-mini': ['cool', 'zesty', 'wild'],
};

class Copywriter {
  @mint.experiment()
  tagline(product: string, config?: Config<{ model: string; temperature: number }>): string {
    // Deterministic stand-in for sampling: a higher temperature picks a "wilder" word.
    const words = vocabulary[config!.model]!;
    const word = words[Math.round(config!.temperature * (words.length - 1))]!;
    return `${product}: ${word} as mint`;
  }
}

const writer = new Copywriter();
const results = run(writer.tagline, true, (runner) => runner('Spearmint gum'));

const rows = [results.mainResult, ...results.variantResults].map((r, i) => {
  const config = r.experimentCase.getConfig(writer.tagline);
  return [String(i + 1), i === 0 ? 'main' : 'variant', config.config_id, config.model, String(config.temperature), String(r.result)];
});
printTable(['#', 'role', 'config_id', 'model', 'temperature', 'result'], rows);

function printTable(header: string[], rows: string[][]): void {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((cell, i) => cell.padEnd(widths[i]!)).join('  ').trimEnd();
  console.log(line(header));
  console.log(line(widths.map((w) => '-'.repeat(w))));
  rows.forEach((row) => console.log(line(row)));
}
