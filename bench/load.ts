// `npm run load`: 1,000,000 direct calls, each with 2 shadow variants, in two workloads:
// - tight loop: an async method awaited call after call (yielding every 1,000 calls), variants 1 ms;
// - batches: a sync method called 1,000 times at once, then one yield, variants async and 5 ms;
// each in four scenarios, each in a fresh process: (a) no variants, (b) Spearmint defaults,
// (c) bounds disabled, (d) defaults and recording 1 % of the calls to a file. Prints peak RSS, peak heap and the longest event-loop stall, and writes
// them to bench/RESULTS.md.
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Config, Spearmint, type SpearmintOptions } from '@spearmint/decorators';
import { machineLine, markdownTable, writeResultsSection } from './results-file';

const CALLS = Number(process.env.LOAD_CALLS ?? 1_000_000);
const CHUNK = 1_000;

type Workload = 'tight' | 'batches';
const VARIANT_MS: Record<Workload, number> = { tight: 1, batches: 5 };
const recordingFile = join(tmpdir(), `spearmint-load-${process.pid}.jsonl`);

function scenarios(workload: Workload): Record<string, { label: string; options: SpearmintOptions }> {
  const ms = VARIANT_MS[workload];
  const withVariants = [{ delayMs: 0 }, { delayMs: ms, v: 1 }, { delayMs: ms, v: 2 }];
  return {
    none: { label: '(a) no variants', options: { configs: [{ delayMs: 0 }] } },
    defaults: { label: '(b) Spearmint defaults', options: { configs: withVariants } },
    unbounded: { label: '(c) bounds disabled', options: { configs: withVariants, maxBackgroundVariants: Infinity } },
    recording: { label: '(d) defaults, recording 1 % of calls', options: { configs: withVariants, record: { to: recordingFile, sampleRate: 0.01 } } },
  };
}

interface Measurement {
  scenario: string;
  peakRssMb: number;
  peakHeapMb: number;
  maxStallMs: number;
  seconds: number;
  started: number;
  dropped: number;
  /** Lines in the recording, and records dropped (scenario d). */
  recorded: number;
  recordsDropped: number;
}

async function measure(workload: Workload, name: string): Promise<Measurement> {
  const scenario = scenarios(workload)[name]!;
  const mint = new Spearmint(scenario.options);
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  class Handler {
    @mint.experiment()
    async handle(n: number, config?: Config<{ delayMs: number }>): Promise<number> {
      if (config!.delayMs > 0) await sleep(config!.delayMs);
      return n;
    }

    /** Sync for main (no delay); the variants return a promise. */
    @mint.experiment()
    handleSync(n: number, config?: Config<{ delayMs: number }>): number | Promise<number> {
      return config!.delayMs > 0 ? sleep(config!.delayMs).then(() => n) : n;
    }
  }
  const handler = new Handler();
  const loop = monitorEventLoopDelay({ resolution: 5 });
  loop.enable();
  let peakHeap = 0;
  const started = performance.now();
  for (let i = 0; i < CALLS; i++) {
    const value = workload === 'tight' ? await handler.handle(i) : handler.handleSync(i);
    if (value !== i) throw new Error('wrong result');
    if (i % CHUNK === CHUNK - 1) {
      peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
      await new Promise((resolve) => setImmediate(resolve));
    }
  }
  const stats = await mint.drain();
  const seconds = (performance.now() - started) / 1000;
  loop.disable();
  peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
  return {
    scenario: scenario.label,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    peakHeapMb: peakHeap / 2 ** 20,
    maxStallMs: loop.max / 1e6,
    seconds,
    started: stats.started,
    dropped: stats.dropped,
    recorded: name === 'recording' ? countLines(recordingFile) : 0,
    recordsDropped: stats.recordsDropped,
  };
}

function countLines(file: string): number {
  const lines = readFileSync(file, 'utf8').split('\n').length - 1;
  rmSync(file);
  return lines;
}

function runWorkload(workload: Workload): string {
  const results = Object.keys(scenarios(workload)).map((name) => {
    const out = execFileSync(process.execPath, [...process.execArgv, __filename, workload, name], { encoding: 'utf8', env: process.env });
    return JSON.parse(out) as Measurement;
  });
  const rows = results.map((r) => [
    r.scenario,
    r.peakRssMb.toFixed(1),
    r.peakHeapMb.toFixed(1),
    r.maxStallMs.toFixed(1),
    r.seconds.toFixed(1),
    String(r.started),
    String(r.dropped),
    r.recorded > 0 || r.recordsDropped > 0 ? `${r.recorded} / ${r.recordsDropped}` : '',
  ]);
  const table = markdownTable(
    ['scenario', 'peak RSS (MB)', 'peak heap (MB)', 'longest stall (ms)', 'time (s)', 'variants started', 'dropped', 'lines recorded / dropped'],
    rows,
  );
  const ratio = results[1]!.peakRssMb / results[0]!.peakRssMb;
  const recordingRatio = results[3]!.peakRssMb / results[0]!.peakRssMb;
  const title =
    workload === 'tight'
      ? `### Tight loop: an async method awaited call after call, yielding every ${CHUNK} calls; variants sleep ${VARIANT_MS.tight} ms`
      : `### Batches: a sync method called ${CHUNK} times at once, then one yield; variants are async and sleep ${VARIANT_MS.batches} ms`;
  return [
    title,
    '',
    table,
    '',
    `Peak RSS with defaults / without variants: **${ratio.toFixed(2)}×** (target ≤ 1.3×); ` +
      `with defaults and recording 1 % / without variants: **${recordingRatio.toFixed(2)}×** (target ≤ 1.3×).`,
  ].join('\n');
}

function main(): void {
  const body = [
    '## Load (`npm run load`)',
    '',
    `${CALLS.toLocaleString('en-US')} direct calls per scenario, each in a fresh process. ${machineLine()}.`,
    '',
    runWorkload('tight'),
    '',
    runWorkload('batches'),
  ].join('\n');
  console.log(body);
  if (CALLS === 1_000_000) writeResultsSection('load', body);
}

const [workloadArg, scenarioArg] = process.argv.slice(2);
if (scenarioArg) void measure(workloadArg as Workload, scenarioArg).then((m) => process.stdout.write(JSON.stringify(m)));
else main();
