// `npm run eval:memory`: evaluate() over a generated 100,000-record JSONL file (in the OS temp
// directory) with concurrency 8: a cheap async experiment with 3 configs, 2 evaluators, every
// per-record result streamed to a JSONL file, and the 200 records that matter most kept for the
// HTML report's #records section (as `spearmint eval --out` does). The tally keeps each mean's
// interval and every variant's paired comparison with main. Prints peak RSS
// (process.resourceUsage().maxRSS) and time, fails above 200 MB, and writes the numbers to
// bench/RESULTS.md.
import { once } from 'node:events';
import { createWriteStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Config, evaluate, experiment } from '@spearmint/decorators';
import { RecordSelection } from '../packages/cli/src/record-selection';
import { machineLine, markdownTable, writeResultsSection } from './results-file';

const RECORDS = Number(process.env.EVAL_RECORDS ?? 100_000);
const CONCURRENCY = 8;
const LIMIT_MB = 200;
const WORDS = ['mint', 'leaf', 'garden', 'tea', 'sauce', 'runner', 'pot', 'bed', 'aroma', 'europe', 'asia', 'plant'];

async function writeDataset(file: string): Promise<void> {
  const out = createWriteStream(file);
  for (let i = 0; i < RECORDS; i++) {
    const words = Array.from({ length: 24 }, (_, j) => WORDS[(i * 7 + j * 3) % WORDS.length]);
    const line = JSON.stringify({ id: `r${i}`, input: words.join(' '), expected: { keywords: [WORDS[i % WORDS.length], WORDS[(i + 5) % WORDS.length]] } });
    if (!out.write(`${line}\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'close');
}

type Expected = { keywords: string[] };

const summarise = experiment({
  configs: [
    { config_id: 'short', words: 4 },
    { config_id: 'medium', words: 8 },
    { config_id: 'long', words: 16 },
  ],
})(async function summarise(text: string, config?: Config<{ words: number }>): Promise<string> {
  await Promise.resolve();
  return text.split(' ').slice(0, config!.words).join(' ');
});

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'spearmint-eval-memory-'));
  try {
    const dataset = join(dir, 'dataset.jsonl');
    const output = join(dir, 'results.jsonl');
    await writeDataset(dataset);
    const datasetMb = statSync(dataset).size / 2 ** 20;
    let peakHeap = 0;
    const selection = new RecordSelection();
    selection.rankBy('recall');
    const started = performance.now();
    const result = await evaluate(summarise, dataset, {
      concurrency: CONCURRENCY,
      output,
      evaluators: {
        recall: ({ output: summary, expected }) => {
          const keywords = (expected as Expected).keywords;
          return keywords.filter((k) => summary.includes(k)).length / keywords.length;
        },
        length: { better: 'lower', score: ({ output: summary }) => summary.length },
      },
      onRecord: (record) => {
        selection.add(record);
        if (record.index % 1000 === 0) peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
      },
    });
    const seconds = (performance.now() - started) / 1000;
    const peakRssMb = process.resourceUsage().maxRSS / 1024;
    const outputMb = statSync(output).size / 2 ** 20;
    const executions = result.configs.reduce((sum, config) => sum + config.count, 0);
    if (result.records !== RECORDS) throw new Error(`evaluated ${result.records} records, expected ${RECORDS}`);
    if (selection.selected().length !== Math.min(200, RECORDS)) throw new Error(`the report kept ${selection.selected().length} records, expected 200`);
    const vs = result.configs[1]?.metrics.recall?.vsMain;

    const rows = [[
      String(result.records),
      String(result.configs.length),
      String(CONCURRENCY),
      datasetMb.toFixed(1),
      outputMb.toFixed(1),
      peakRssMb.toFixed(1),
      (peakHeap / 2 ** 20).toFixed(1),
      seconds.toFixed(1),
      Math.round(result.records / seconds).toLocaleString('en-US'),
    ]];
    const header = ['records', 'configs', 'concurrency', 'dataset (MB)', 'per-record output (MB)', 'peak RSS (MB)', 'peak heap (MB)', 'time (s)', 'records/s'];
    const table = markdownTable(header, rows);
    const verdict = peakRssMb < LIMIT_MB ? `under the ${LIMIT_MB} MB target` : `OVER the ${LIMIT_MB} MB target`;
    console.log(table);
    console.log(
      `\n${executions} executions; best recall: ${result.best.recall?.configId}; ${result.configs[1]?.configId} vs main on recall: ${vs?.verdict} ` +
        `(${vs?.wins}/${vs?.ties}/${vs?.losses}); peak RSS ${peakRssMb.toFixed(1)} MB, ${verdict}.`,
    );
    writeResultsSection(
      'eval-memory',
      [
        '## Evaluation memory (`npm run eval:memory`)',
        '',
        `\`evaluate()\` over a generated ${RECORDS.toLocaleString('en-US')}-record JSONL file, concurrency ${CONCURRENCY}: an async experiment with 3 configs, ` +
          `2 evaluators, every per-record result streamed to a JSONL file, the 200 records that matter most kept for the report's \`#records\` ` +
          `section (as \`spearmint eval --out\`), each mean's 95 % interval and each variant's paired comparison with main tallied. ` +
          `Peak RSS is \`process.resourceUsage().maxRSS\` of the whole process (tsx included). ${machineLine()}.`,
        '',
        table,
        '',
        `Peak RSS ${peakRssMb.toFixed(1)} MB: **${verdict}**.`,
      ].join('\n'),
    );
    if (peakRssMb >= LIMIT_MB) process.exitCode = 1;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
