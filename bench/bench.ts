// `npm run bench`: every case of cases.ts in a fresh Node process, several rounds each, in
// several passes over all cases (`BENCH_PASSES`, default 3); per case, the pass with the lowest
// median counts, since other load on the machine only ever adds time. Prints ns/op (median,
// min–max) and the ratios to the two floors of the same kind (sync/async), and rewrites the
// benchmark section of bench/RESULTS.md. `BENCH_ONLY=regex` runs the matching cases (and the
// floors) without writing the file; so does `BENCH_ROUND_MS`. `BENCH_CPU_PROF=dir` writes a
// `--cpu-prof` profile of each case process into `dir` (with BENCH_ONLY and BENCH_PASSES=1).
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { cases } from './cases';
import { measure, type Measurement, measurePaired, type PairedMeasurement } from './harness';
import { machineLine, markdownTable, writeResultsSection } from './results-file';

const version = (name: string) => JSON.parse(readFileSync(join(__dirname, '..', 'node_modules', name, 'package.json'), 'utf8')).version as string;

/** The targets of issue 14, as ratios to the floor (`als.run(store, f, x)`) of the same kind. */
const targets: Readonly<Record<string, number>> = {
  'direct call, 1 config, plain function (sync)': 2.5,
  'direct call, 1 config, legacy-decorated method (sync)': 2.5,
  'direct call, 1 config (async)': 1.2,
  'direct call, main + 2 background variants: return to caller (async)': 2.5,
  'direct call, main + 2 background variants: total incl. variants (async)': 15,
  'arun(), main + 2 awaited variants (async)': 8,
  'run(), main + 2 awaited variants (sync)': 15,
};

/**
 * Targets relative to another case (issue 17): at most this ratio to it, measured in one
 * process with the two cases' rounds alternating (`measurePaired`).
 */
const relativeTargets: Readonly<Record<string, readonly [baseline: string, ratio: number]>> = {
  'direct call, main + 2 variants, sampled out (sampleRate: 0), plain function (sync)': ['direct call, 1 config, plain function (sync)', 1.1],
  'direct call, main + 2 variants, sampled out (sampleRate: 0) (async)': ['direct call, 1 config (async)', 1.1],
};

const roundMs = () => Number(process.env.BENCH_ROUND_MS ?? 300);

async function runCase(name: string): Promise<Measurement> {
  const bench = cases[name]!;
  const { op, options } = bench.setup();
  return measure(op, bench.kind === 'async', { roundMs: roundMs(), ...options });
}

/** `name` against its baseline of `relativeTargets`, alternating in this process. */
async function runPair(name: string): Promise<PairedMeasurement> {
  const bench = cases[name]!;
  const base = cases[relativeTargets[name]![0]]!.setup();
  const other = bench.setup();
  const withRound = (setup: typeof base) => ({ op: setup.op, options: { roundMs: roundMs(), ...setup.options } });
  return measurePaired(withRound(base), withRound(other), bench.kind === 'async');
}

/** The paired ratio of each selected case with a relative target, one fresh process each. */
function runPairs(names: readonly string[]): Map<string, PairedMeasurement> {
  const pairs = new Map<string, PairedMeasurement>();
  for (const name of names.filter((n) => relativeTargets[n] !== undefined)) {
    const out = execFileSync(process.execPath, [...process.execArgv, __filename, '--pair', name], { encoding: 'utf8' });
    pairs.set(name, JSON.parse(out) as PairedMeasurement);
    process.stderr.write(`paired, ${name}: ${pairs.get(name)!.medianRatio.toFixed(3)}×\n`);
  }
  return pairs;
}

function main(): void {
  const only = process.env.BENCH_ONLY ? new RegExp(process.env.BENCH_ONLY) : undefined;
  const names = Object.keys(cases).filter((name) => !only || cases[name]!.group === 'floor' || only.test(name));
  const passes = Number(process.env.BENCH_PASSES ?? 3);
  const profiling = process.env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${process.env.BENCH_CPU_PROF}`] : [];
  const results = new Map<string, Measurement>();
  for (let pass = 1; pass <= passes; pass++) {
    for (const name of names) {
      const out = execFileSync(process.execPath, [...process.execArgv, ...profiling, __filename, name], { encoding: 'utf8' });
      const measured = JSON.parse(out) as Measurement;
      const best = results.get(name);
      if (best === undefined || measured.medianNs < best.medianNs) results.set(name, measured);
      process.stderr.write(`pass ${pass}/${passes}, ${name}: ${measured.medianNs.toFixed(1)} ns/op\n`);
    }
  }
  const pairs = runPairs(names);
  const median = (name: string) => results.get(name)?.medianNs ?? NaN;
  const floor = { sync: median('floor: als.run(store, f, x) (sync)'), async: median('floor: als.run(store, f, x) (async)') };
  const closure = { sync: median('closure floor: ALS.run({}, () => f(x)) (sync)'), async: median('closure floor: ALS.run({}, () => f(x)) (async)') };
  const scientistBoth = median('scientist 1.1.1, control + candidate (sync)');
  const ns = (n: number) => (n >= 1000 ? n.toFixed(0) : n.toFixed(1));
  const rows = names.map((name) => {
    const bench = cases[name]!;
    const m = results.get(name)!;
    const ratio = m.medianNs / floor[bench.kind];
    const target = targets[name];
    const relative = relativeTargets[name];
    const pair = pairs.get(name);
    let verdict = target === undefined ? '' : `≤ ${target}× ${ratio <= target ? 'met' : '**missed**'}`;
    if (relative !== undefined && pair !== undefined) {
      const { medianRatio: versus, minRatio, maxRatio } = pair;
      verdict =
        `${versus.toFixed(2)}× '${relative[0]}', paired in one process (${minRatio.toFixed(2)}–${maxRatio.toFixed(2)}; ` +
        `≤ ${relative[1]}× ${versus <= relative[1] ? 'met' : '**missed**'})`;
    }
    const vsScientist = bench.group === 'spearmint' && scientistBoth > 0 ? `${(scientistBoth / m.medianNs).toFixed(1)}× faster` : '';
    return [name, ns(m.medianNs), `${ns(m.minNs)}–${ns(m.maxNs)}`, `${ratio.toFixed(2)}×`, `${(m.medianNs / closure[bench.kind]).toFixed(2)}×`, verdict, vsScientist];
  });
  const body = [
    '## Benchmark (`npm run bench`)',
    '',
    `${machineLine()}; TypeScript ${version('typescript')}, tsx ${version('tsx')}, scientist ${version('scientist')}, ` +
      `@growthbook/growthbook ${version('@growthbook/growthbook')}. Each case in a fresh process; median of 7 rounds of ` +
      `${process.env.BENCH_ROUND_MS ?? 300} ms after one warm-up round; the lowest median of ${passes} passes over all cases. Ratios to the two floors of the same kind (sync/async): ` +
      '`als.run(store, f, x)` with a preallocated store and a module-level function (the floor, no closure, no allocation), ' +
      'and `ALS.run({}, () => f(x))` (a fresh store and a closure per call). Targets are those of issue 14, against the floor, and of issue 17, against a one-config call measured in the same process.',
    '',
    markdownTable(['case', 'ns/op (median)', 'min–max', 'vs floor', 'vs closure floor', 'target', 'vs scientist control + candidate'], rows),
  ].join('\n');
  console.log(body);
  if (!process.env.BENCH_ROUND_MS && !only && profiling.length === 0) writeResultsSection('bench', body);
}

const [first, second] = process.argv.slice(2);
if (first === '--pair') void runPair(second!).then((m) => process.stdout.write(JSON.stringify(m)));
else if (first) void runCase(first).then((m) => process.stdout.write(JSON.stringify(m)));
else main();
