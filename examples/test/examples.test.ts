/**
 * Runs every example exactly as its npm script does (`tsx examples/<name>/main.ts`, from the
 * repository root) and checks its exit code and the values it prints.
 */
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { computeConfigId } from '@spearmint/decorators';

const repoRoot = join(__dirname, '..', '..');
const scripts: Record<string, string> = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')).scripts;
const tsxCli = require.resolve('tsx/cli');

/** npm script → example folder. */
const EXAMPLES = {
  basic: 'basic',
  runner: 'runner',
  async: 'async',
  sweep: 'sweep',
  nested: 'nested',
  pipeline: 'pipeline',
  dataset: 'dataset',
  components: 'components',
  start: 'flagship',
} as const;
type Script = keyof typeof EXAMPLES;

interface Outcome { code: number | string | null; stdout: string; stderr: string }

function runScript(script: Script): Promise<Outcome> {
  const match = /^tsx (examples\/[\w-]+\/main\.ts)$/.exec(scripts[script] ?? '');
  if (!match) return Promise.resolve({ code: 'bad npm script', stdout: '', stderr: String(scripts[script]) });
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [tsxCli, match[1]!],
      { cwd: repoRoot, env: { ...process.env, NO_COLOR: '1' }, timeout: 30_000 },
      (error, stdout, stderr) => resolve({ code: error ? (error.code ?? error.signal ?? 'error') : 0, stdout, stderr }),
    );
  });
}

const outcomes = new Map<Script, Outcome>();

beforeAll(async () => {
  const names = Object.keys(EXAMPLES) as Script[];
  const results = await Promise.all(names.map(runScript));
  names.forEach((name, i) => outcomes.set(name, results[i]!));
}, 60_000);

/** The stdout of a script that exited 0 and wrote nothing to stderr. */
function output(script: Script): string {
  const outcome = outcomes.get(script)!;
  expect({ script, code: outcome.code, stderr: outcome.stderr }).toEqual({ script, code: 0, stderr: '' });
  return outcome.stdout;
}

/** Asserts that `lines` appear in `text` in this order (each a substring or a pattern of one line). */
function expectInOrder(text: string, lines: (string | RegExp)[]): void {
  const all = text.split('\n');
  let from = 0;
  for (const line of lines) {
    const index = all.findIndex((candidate, i) => i >= from && (typeof line === 'string' ? candidate.includes(line) : line.test(candidate)));
    if (index < 0) throw new Error(`Expected, after line ${from} of the output, a line matching ${String(line)}; output:\n${text}`);
    from = index + 1;
  }
}

const id = (values: Record<string, unknown>) => computeConfigId(values);

describe('examples', () => {
  it.each(Object.entries(EXAMPLES))('npm script %s runs examples/%s/main.ts, which has a README', (script, folder) => {
    expect(scripts[script]).toBe(`tsx examples/${folder}/main.ts`);
    expect(existsSync(join(repoRoot, 'examples', folder, 'README.md'))).toBe(true);
  });

  it('basic: a direct call returns main; the variants run in the background until drain', () => {
    expectInOrder(output('basic'), [
      "greeter.greet('Ada') returned: Hello, Ada!",
      'background variants in flight: 2',
      'after drain: started 2, succeeded 2, failed 0, dropped 0',
      `main                 config_id=${id({ greeting: 'Hello' })}  result=Hello, Ada!`,
      `variant (background) config_id=${id({ greeting: 'Hi' })}  result=Hi, Ada!`,
      `variant (background) config_id=${id({ greeting: 'Hey' })}  result=Hey, Ada!`,
    ]);
  });

  it('runner: main and awaited variants, in case order, with their config ids', () => {
    const stdout = output('runner');
    expectInOrder(stdout, [
      `main     config_id=${id({ model: 'gpt-4o', style: 'formal' })}  [gpt-4o] Certainly. Here is your summary.`,
      `variant  config_id=${id({ model: 'gpt-4o-mini', style: 'casual' })}  [gpt-4o-mini] Sure thing! Here is your summary.`,
      `variant  config_id=${id({ model: 'gpt-3.5-turbo', style: 'terse' })}  [gpt-3.5-turbo] OK. Here is your summary.`,
    ]);
    expect(stdout.trim().split('\n')).toHaveLength(3);
  });

  it('async: arun awaits every variant; currentCase survives awaits; a direct call returns main', () => {
    const large = id({ model: 'large', latencyMs: 60 });
    expectInOrder(output('async'), [
      new RegExp(`^main {5}large answers "What is Spearmint\\?" \\(config_id ${large}\\)  \\[\\d+ ms\\]$`),
      `variant  medium answers "What is Spearmint?" (config_id ${id({ model: 'medium', latencyMs: 30 })})`,
      `variant  small answers "What is Spearmint?" (config_id ${id({ model: 'small', latencyMs: 10 })})`,
      /^arun took \d+ ms: main, then both variants at once$/,
      `direct call: large answers "Is it fast?" (config_id ${large})`,
      'background variants: 2 of 2 succeeded',
    ]);
  });

  it('sweep: 2 models x 3 temperatures = 6 rows, model slowest, ids as Python computes them', () => {
    const stdout = output('sweep');
    expectInOrder(stdout, [
      /^#\s+role\s+config_id\s+model\s+temperature\s+result$/,
      /^1\s+main\s+36a1dd673f44a277\s+gpt-4o\s+0\s+Spearmint gum: fresh as mint$/,
      /^2\s+variant\s+ee036ca04c94a3e7\s+gpt-4o\s+0\.5\s+Spearmint gum: bold as mint$/,
      /^3\s+variant\s+dad5ce58e6cc45e7\s+gpt-4o\s+1\s+Spearmint gum: electric as mint$/,
      /^4\s+variant\s+249e062f8049e1f1\s+gpt-4o-mini\s+0\s+Spearmint gum: cool as mint$/,
      /^5\s+variant\s+13a852af451235ef\s+gpt-4o-mini\s+0\.5\s+Spearmint gum: zesty as mint$/,
      /^6\s+variant\s+bb3814bf642e54d2\s+gpt-4o-mini\s+1\s+Spearmint gum: wild as mint$/,
    ]);
    expect(stdout.match(/^\d\s+(main|variant)\s/gm)).toHaveLength(6);
  });

  it('nested: the cartesian product of outer and inner configs, outer slowest', () => {
    expectInOrder(output('nested'), [
      '4 cases = 2 outer configs x 2 inner configs',
      'main    format=tags     k=2  ->  #spearmint #compares',
      'variant format=tags     k=3  ->  #spearmint #compares #configurations',
      'variant format=sentence k=2  ->  About spearmint, compares.',
      'variant format=sentence k=3  ->  About spearmint, compares, configurations.',
      `config ids of the main case: ${JSON.stringify({ 'Summariser.summarise': id({ format: 'tags' }), 'Keywords.extract': id({ k: 2 }) })}`,
    ]);
  });

  it('pipeline: every question through every ranker config, with a tally per ranker', () => {
    const stdout = output('pipeline');
    expect(stdout.match(/^Q: /gm)).toHaveLength(5);
    expect(stdout.match(/^ {2}(main|variant) /gm)).toHaveLength(15);
    expectInOrder(stdout, [
      'Q: How do I export everything from my account?',
      '  main    overlap     MISS [reset-password]',
      '  variant title-boost MISS [delete-account]',
      '  variant idf         ok   [export-data] Open Settings > Privacy and press Export.',
      'correct source per ranker:',
      '  overlap     4/5',
      '  title-boost 3/5',
      '  idf         5/5',
    ]);
  });

  it('dataset: a score table with one row per config', () => {
    const stdout = output('dataset');
    const row = (values: Record<string, unknown>, rest: string) =>
      new RegExp(`^${id(values)}\\s+${values.lexicon}\\s+${values.negation}\\s+${rest}\\s+\\d+\\.\\d{3}$`);
    expectInOrder(stdout, [
      '20 records x 3 configs',
      /^config_id\s+lexicon\s+negation\s+accuracy\s+correct\s+mean ms$/,
      row({ lexicon: 'basic', negation: false }, '55\\.0%\\s+11/20'),
      row({ lexicon: 'basic', negation: true }, '70\\.0%\\s+14/20'),
      row({ lexicon: 'extended', negation: true }, '90\\.0%\\s+18/20'),
    ]);
  });

  it('components: functions and class instances as configs, hashed by name', () => {
    expectInOrder(output('components'), [
      /^config_id\s+tokenizer\s+scorer\s+similarity$/,
      /^1223506b153809a7\s+whitespace\s+JaccardScorer\s+0\.333$/,
      /^906f31ce95811b08\s+whitespace\s+OverlapScorer\s+0\.500$/,
      /^e81ce613389b309f\s+words\s+JaccardScorer\s+0\.750$/,
      /^3e03ee333143e8fa\s+words\s+OverlapScorer\s+0\.857$/,
      /^706d16d82c5f7154\s+bigrams\s+JaccardScorer\s+0\.703$/,
      /^aa5f132e2745a40d\s+bigrams\s+OverlapScorer\s+0\.839$/,
      'main config_id 1223506b153809a7 = id of { tokenizer: "<function whitespace>", scorer: "<JaccardScorer>" }: true',
      'the config holds the very function: true',
    ]);
  });

  it('flagship (npm start): a comparison table per article and overall, main marked', () => {
    const stdout = output('start');
    expect(stdout).not.toMatch(/\x1b\[/); // no colours when not a terminal
    const lead = id({ model: 'lead', temperature: 0, maxSentences: 2 });
    const best = id({ model: 'frequency', temperature: 0.8, maxSentences: 2 });
    const header = /^ {2}config_id\s+model\s+temp\s+max\s+coverage\s+summary\s+ms$/;
    const row = (mark: string, configId: string, model: string, rest: string) =>
      new RegExp(`^${mark} ${configId}  ${model}\\s+${rest}.*\\s\\d+\\.\\d{3}$`);
    expectInOrder(stdout, [
      'Spearmint flagship: extractive summaries, 5 configs x 3 articles',
      '1. Spearmint and peppermint',
      header,
      row('●', lead, 'lead', '0\\.0\\s+2\\s+20%\\s+Spearmint is a species.* / It is widely grown'),
      row(' ', id({ model: 'frequency', temperature: 0, maxSentences: 2 }), 'frequency', '0\\.0\\s+2\\s+60%\\s+Spearmint is a species.* / Peppermint, a hybrid'),
      row(' ', best, 'frequency', '0\\.8\\s+2\\s+80%\\s+Peppermint, a hybrid.* / Commercial growers'),
      row(' ', id({ model: 'position-weighted', temperature: 0.4, maxSentences: 2 }), 'position-weighted', '0\\.4\\s+2\\s+20%\\s+.*'),
      row(' ', id({ model: 'position-weighted', temperature: 0.4, maxSentences: 3 }), 'position-weighted', '0\\.4\\s+3\\s+40%\\s+.* / .* / .*'),
      '2. Shadow traffic',
      header,
      '3. Night trains',
      header,
      'Overall',
      /^ {2}config_id\s+model\s+temp\s+max\s+coverage\s+words\s+ms$/,
      new RegExp(`^● ${lead}  lead\\s+0\\.0\\s+2\\s+27%\\s+30\\.3\\s+\\d+\\.\\d{3}$`),
      new RegExp(`^  ${best}  frequency\\s+0\\.8\\s+2\\s+53%\\s+32\\.7\\s+\\d+\\.\\d{3}$`),
      `best coverage: ${best} (frequency, temperature 0.8, 2 sentences) with 53% of the keywords in 32.7 words`,
    ]);
    expect(stdout.match(/^● [0-9a-f]{16}  lead /gm)).toHaveLength(4); // main, in each of the 4 tables
    expect(stdout.match(/^[● ] [0-9a-f]{16}  /gm)).toHaveLength(20);
    for (const line of stdout.split('\n')) expect(line.length).toBeLessThanOrEqual(120);
  });
});
