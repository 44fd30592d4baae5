// `npm run bench`: every case of cases.ts in a fresh Node process, several rounds each; prints
// ns/op (median, min–max) and the ratio to the AsyncLocalStorage.run case of the same kind, and
// rewrites the benchmark section of bench/RESULTS.md.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cases } from './cases';
import { measure, type Measurement } from './harness';
import { machineLine, markdownTable, writeResultsSection } from './results-file';

const version = (name: string) => JSON.parse(readFileSync(join(__dirname, '..', 'node_modules', name, 'package.json'), 'utf8')).version as string;

async function runCase(name: string): Promise<Measurement> {
  const bench = cases[name]!;
  const { op, options } = bench.setup();
  return measure(op, bench.kind === 'async', { roundMs: Number(process.env.BENCH_ROUND_MS ?? 300), ...options });
}

function main(): void {
  const results = new Map<string, Measurement>();
  for (const name of Object.keys(cases)) {
    const out = execFileSync(process.execPath, [...process.execArgv, __filename, name], { encoding: 'utf8' });
    results.set(name, JSON.parse(out) as Measurement);
    process.stderr.write(`${name}: ${results.get(name)!.medianNs.toFixed(1)} ns/op\n`);
  }
  const floor = { sync: results.get('ALS.run (sync)')!.medianNs, async: results.get('ALS.run (async)')!.medianNs };
  const scientistBoth = results.get('scientist 1.1.1, control + candidate (sync)')!.medianNs;
  const ns = (n: number) => (n >= 1000 ? n.toFixed(0) : n.toFixed(1));
  const rows = Object.entries(cases).map(([name, bench]) => {
    const m = results.get(name)!;
    const vsScientist = bench.group === 'spearmint' ? `${(scientistBoth / m.medianNs).toFixed(1)}× faster` : '';
    return [name, ns(m.medianNs), `${ns(m.minNs)}–${ns(m.maxNs)}`, `${(m.medianNs / floor[bench.kind]).toFixed(2)}×`, vsScientist];
  });
  const body = [
    '## Benchmark (`npm run bench`)',
    '',
    `${machineLine()}; TypeScript ${version('typescript')}, tsx ${version('tsx')}, scientist ${version('scientist')}, ` +
      `@growthbook/growthbook ${version('@growthbook/growthbook')}. Each case in a fresh process; median of 7 rounds of ` +
      `${process.env.BENCH_ROUND_MS ?? 300} ms after one warm-up round; ratio to \`ALS.run\` of the same kind (sync/async).`,
    '',
    markdownTable(['case', 'ns/op (median)', 'min–max', 'vs ALS.run', 'vs scientist control + candidate'], rows),
  ].join('\n');
  console.log(body);
  if (!process.env.BENCH_ROUND_MS) writeResultsSection('bench', body);
}

const name = process.argv[2];
if (name) void runCase(name).then((m) => process.stdout.write(JSON.stringify(m)));
else main();
