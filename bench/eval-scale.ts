// `npm run eval:scale`: evaluation at scale, measured. (1) `spearmint eval --workers N` on the
// CPU-bound bench/eval-cpu.evaluation.ts (300 records × 2 configs, a few ms of computation per
// call): records/s in one thread and in 1 and 2 worker threads. (2) The response cache: a cold
// run (every call made and stored) against a warm one (every output from the cache), for a
// function that waits like a model call and for the CPU-bound one. Each measurement is the
// median of ROUNDS runs, each in a fresh process (the CLI from its sources, through tsx, as
// `npm run eval` runs it). Writes the numbers to bench/RESULTS.md.
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Config, evaluate, experiment } from '@spearmint/decorators';
import { machineLine, markdownTable, writeResultsSection } from './results-file';

const ROUNDS = Number(process.env.EVAL_SCALE_ROUNDS ?? 3);
const root = join(__dirname, '..');
const tsx = require.resolve('tsx/cli');
const CPU_DEFINITION = 'bench/eval-cpu.evaluation.ts';

interface Run {
  /** The evaluation's own time (`durationMs` of the result), and the whole process's. */
  readonly evaluationS: number;
  readonly wallS: number;
  readonly records: number;
}

function cli(args: readonly string[]): Promise<Run> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [tsx, 'packages/cli/src/cli.ts', ...args, '--json'], { cwd: root, maxBuffer: 64 * 2 ** 20 }, (error, stdout, stderr) => {
      if (error) return reject(new Error(`spearmint ${args.join(' ')} failed: ${stderr}`));
      const result = JSON.parse(stdout) as { durationMs: number; records: number };
      resolve({ evaluationS: result.durationMs / 1000, wallS: (performance.now() - started) / 1000, records: result.records });
    });
  });
}

async function median(run: () => Promise<Run>): Promise<Run> {
  const runs: Run[] = [];
  for (let i = 0; i < ROUNDS; i++) runs.push(await run());
  const mid = (values: number[]) => values.sort((a, b) => a - b)[Math.floor(values.length / 2)]!;
  return { evaluationS: mid(runs.map((r) => r.evaluationS)), wallS: mid(runs.map((r) => r.wallS)), records: runs[0]!.records };
}

const rate = (records: number, seconds: number) => Math.round(records / seconds).toLocaleString('en-US');

/** A function that waits like a paid model call (25 ms), over 100 records with 3 configs. */
const modelCall = experiment({
  name: 'modelCall',
  configs: [{ config_id: 'small', words: 3 }, { config_id: 'medium', words: 6 }, { config_id: 'large', words: 9 }],
})(async function modelCall(text: string, config?: Config<{ words: number }>): Promise<string> {
  await new Promise((resolve) => setTimeout(resolve, 25));
  return text.split(' ').slice(0, config!.words).join(' ');
});

async function cachedModelCalls(dir: string): Promise<[cold: number, warm: number]> {
  const dataset = Array.from({ length: 100 }, (_, n) => ({ input: `record ${n} about spearmint leaves and mint tea in the garden` }));
  const options = { evaluators: { words: ({ output }: { output: string }) => output.split(' ').length }, concurrency: 8, cache: dir };
  const cold = await evaluate(modelCall, dataset, options);
  const warm = await evaluate(modelCall, dataset, options);
  if (warm.configs.some((config) => config.cache!.hits !== 100)) throw new Error('the warm run did not hit the cache for every execution');
  return [cold.durationMs / 1000, warm.durationMs / 1000];
}

async function main(): Promise<void> {
  const load = loadavg()[0]!.toFixed(1);
  const single = await median(() => cli(['eval', CPU_DEFINITION]));
  const one = await median(() => cli(['eval', CPU_DEFINITION, '--workers', '1']));
  const two = await median(() => cli(['eval', CPU_DEFINITION, '--workers', '2']));
  const workerRows = [
    ['one thread (no --workers)', single],
    ['--workers 1', one],
    ['--workers 2', two],
  ].map(([label, run]) => {
    const r = run as Run;
    return [label as string, String(r.records), r.evaluationS.toFixed(2), rate(r.records, r.evaluationS), r.wallS.toFixed(2), rate(r.records, r.wallS)];
  });
  const speedUp = one.evaluationS / two.evaluationS;

  const dir = mkdtempSync(join(tmpdir(), 'spearmint-eval-scale-'));
  try {
    const [coldModel, warmModel] = await cachedModelCalls(join(dir, 'model'));
    const cpuCache = join(dir, 'cpu');
    const coldCpu = await cli(['eval', CPU_DEFINITION, '--cache', cpuCache]);
    const warmCpu = await median(() => cli(['eval', CPU_DEFINITION, '--cache', cpuCache]));
    const cacheRows = [
      ['`evaluate()`, a 25 ms model-like call, 100 records × 3 configs, concurrency 8', coldModel, warmModel],
      ['`spearmint eval --cache`, the CPU-bound example (evaluation time)', coldCpu.evaluationS, warmCpu.evaluationS],
      ['`spearmint eval --cache`, the CPU-bound example (whole process)', coldCpu.wallS, warmCpu.wallS],
    ].map(([label, cold, warm]) => [label as string, (cold as number).toFixed(2), (warm as number).toFixed(2), `${((cold as number) / (warm as number)).toFixed(1)}×`]);

    const workersTable = markdownTable(['run', 'records', 'evaluation (s)', 'records/s', 'whole process (s)', 'records/s incl. start-up'], workerRows);
    const cacheTable = markdownTable(['case', 'cold run (s)', 'warm run (s)', 'speed-up'], cacheRows);
    console.log(workersTable);
    console.log(`\n--workers 2 vs --workers 1: ${speedUp.toFixed(2)}× the records/s\n`);
    console.log(cacheTable);
    writeResultsSection(
      'eval-scale',
      [
        '## Evaluation at scale (`npm run eval:scale`)',
        '',
        `Median of ${ROUNDS} runs, each in a fresh process (the CLI from its sources through tsx). ${machineLine()}; ${cpus().length} cores shared with other work (1-minute load average ${load} at the start), so absolute times vary from run to run.`,
        '',
        '### `--workers N` on a CPU-bound evaluation',
        '',
        `\`bench/eval-cpu.evaluation.ts\`: 300 records × 2 configs, each call a few milliseconds of pure computation. "evaluation" is the result's \`durationMs\` (from the first record to the last); "whole process" adds Node's and tsx's start-up and, with workers, each thread's start-up (tsx and the definition file are loaded in every worker).`,
        '',
        workersTable,
        '',
        `**--workers 2 evaluates ${speedUp.toFixed(2)}× the records/s of --workers 1** (2 cores); the results are identical to the one-thread run (tested).`,
        '',
        '### Response cache (`--cache`)',
        '',
        'A cold run calls the function for every execution and stores each output; the warm run finds every output in the cache (0 calls; evaluators still run).',
        '',
        cacheTable,
        '',
        `A warm execution costs the cache read (a cacache index lookup and a content read, with its integrity check) and the evaluators: ` +
          `${((warmModel * 1000) / 300).toFixed(2)} ms per execution in the first case at concurrency 8, whatever the call would have cost, so the speed-up grows with the cost of the call ` +
          '(a model call of a second or more is skipped at the same price).',
      ].join('\n'),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
