// `npm run load`: 1,000,000 direct calls in a tight loop (yielding to the event loop every
// 1,000 calls), each with 2 shadow variants that take 1 ms, in three scenarios, each in a fresh
// process: (a) no variants, (b) Spearmint defaults, (c) bounds disabled. Prints peak RSS, peak
// heap and the longest event-loop stall, and writes them to bench/RESULTS.md.
import { execFileSync } from 'node:child_process';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { Config, Spearmint, type SpearmintOptions } from '@spearmint/decorators';
import { machineLine, markdownTable, writeResultsSection } from './results-file';

const CALLS = Number(process.env.LOAD_CALLS ?? 1_000_000);
const CHUNK = 1_000;

const scenarios: Record<string, { label: string; options: SpearmintOptions }> = {
  none: { label: '(a) no variants', options: { configs: [{ delayMs: 0 }] } },
  defaults: { label: '(b) Spearmint defaults', options: { configs: [{ delayMs: 0 }, { delayMs: 1, v: 1 }, { delayMs: 1, v: 2 }] } },
  unbounded: {
    label: '(c) bounds disabled',
    options: { configs: [{ delayMs: 0 }, { delayMs: 1, v: 1 }, { delayMs: 1, v: 2 }], maxBackgroundVariants: Infinity },
  },
};

interface Measurement {
  scenario: string;
  peakRssMb: number;
  peakHeapMb: number;
  maxStallMs: number;
  seconds: number;
  started: number;
  dropped: number;
}

async function measure(name: string): Promise<Measurement> {
  const mint = new Spearmint(scenarios[name]!.options);
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  class Handler {
    @mint.experiment()
    async handle(n: number, config?: Config<{ delayMs: number }>): Promise<number> {
      if (config!.delayMs > 0) await sleep(config!.delayMs);
      return n;
    }
  }
  const handler = new Handler();
  const loop = monitorEventLoopDelay({ resolution: 5 });
  loop.enable();
  let peakHeap = 0;
  const started = performance.now();
  for (let i = 0; i < CALLS; i++) {
    if ((await handler.handle(i)) !== i) throw new Error('wrong result');
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
    scenario: scenarios[name]!.label,
    peakRssMb: process.resourceUsage().maxRSS / 1024,
    peakHeapMb: peakHeap / 2 ** 20,
    maxStallMs: loop.max / 1e6,
    seconds,
    started: stats.started,
    dropped: stats.dropped,
  };
}

function main(): void {
  const results = Object.keys(scenarios).map((name) => {
    const out = execFileSync(process.execPath, [...process.execArgv, __filename, name], { encoding: 'utf8', env: process.env });
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
  ]);
  const table = markdownTable(['scenario', 'peak RSS (MB)', 'peak heap (MB)', 'longest stall (ms)', 'time (s)', 'variants started', 'dropped'], rows);
  const ratio = results[1]!.peakRssMb / results[0]!.peakRssMb;
  const body = [
    '## Load (`npm run load`)',
    '',
    `${CALLS.toLocaleString('en-US')} direct calls of an async method, yielding every ${CHUNK} calls; variants sleep 1 ms. ${machineLine()}.`,
    '',
    table,
    '',
    `Peak RSS with defaults / without variants: **${ratio.toFixed(2)}×** (target ≤ 1.3×).`,
  ].join('\n');
  console.log(body);
  if (CALLS === 1_000_000) writeResultsSection('load', body);
}

const scenario = process.argv[2];
if (scenario) void measure(scenario).then((m) => process.stdout.write(JSON.stringify(m)));
else main();
