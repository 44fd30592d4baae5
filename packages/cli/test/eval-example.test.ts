/**
 * `npm run eval` (examples/eval): the summariser's three configs over the shipped dataset,
 * through the CLI from its sources, so it works on a fresh clone without dist/. The report's
 * `#records` section is read in headless Chromium.
 */
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { launchBrowser, openReport, recordRows } from './helpers/browser';
import { repoRoot, runTsx } from './helpers/run-cli-process';

const scripts: Record<string, string> = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')).scripts;
const COMMAND = 'tsx packages/cli/src/cli.ts eval examples/eval/evaluation.ts --out examples/eval/report.html';
const REPORT = join(repoRoot, 'examples', 'eval', 'report.html');

let browser: Browser | undefined;
afterAll(() => browser?.close());

describe('npm run eval', () => {
  it('runs the example through the CLI sources with tsx (no build step)', () => {
    expect(scripts.eval).toBe(COMMAND);
  });

  it('compares three configs on 40 records: means with intervals, verdicts against main; meets the threshold; writes the report', async () => {
    const started = Date.now();
    const { code, stdout, stderr } = await runTsx(COMMAND.split(' ').slice(1));
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^Summariser\.summarise: 40 record\(s\) x 3 config\(s\) in /);
    expect(lines[2]).toMatch(/^config_id\s+config\s+recall\s+compression\s+errors\s+p50 ms\s+p95 ms$/);
    expect(lines.slice(4, 7).map((line) => line.split(/\s{2,}/).slice(0, 7))).toEqual([
      ['lead-1', 'method=lead, sentences=1', '0.688', '[0.625, 0.750]', '0.275* [0.267, 0.283]', '0.0%', expect.any(String)],
      ['lead-2', 'method=lead, sentences=2', '0.888* [0.843, 0.932]', '0.542', '[0.530, 0.554]', '0.0%', expect.any(String)],
      ['frequency-2', 'method=frequency, sentences=2', '0.713', '[0.639, 0.786]', '0.513', '[0.501, 0.526]', '0.0%'],
    ]);
    expect(lines).toContain('best: recall lead-2 0.888 (errors 0.0%); compression lead-1 0.275 (errors 0.0%)');
    const vsMain = lines.slice(lines.indexOf('vs main (lead-1): mean per-record difference, its 95% interval, records won/tied/lost') + 3);
    expect(vsMain.slice(0, 4).map((line) => line.split(/\s{2,}/))).toEqual([
      ['lead-2', 'recall', '+0.200', '[+0.142, +0.258]', '25/15/0', 'better'],
      ['lead-2', 'compression', '+0.267', '[+0.255, +0.278]', '0/0/40', 'worse'],
      ['frequency-2', 'recall', '+0.025', '[-0.029, +0.079]', '10/25/5', 'inconclusive'],
      ['frequency-2', 'compression', '+0.238', '[+0.224, +0.252]', '0/0/40', 'worse'],
    ]);
    expect(stderr).toContain('report written to examples/eval/report.html');
    expect(stderr).toContain("threshold recall >= 0.5: best config 'lead-2' has 0.888 (errors 0.0%) - met");
    expect(statSync(REPORT).mtimeMs).toBeGreaterThanOrEqual(started - 1000);
  }, 60_000);

  it('the report\'s #records section: a row per record, a cell per config with the escaped summary and its scores', async () => {
    browser = await launchBrowser();
    const { page, requests } = await openReport(browser, REPORT);
    const rows = await recordRows(page);
    expect(rows).toHaveLength(40);
    const dataset = readFileSync(join(repoRoot, 'examples', 'data', 'summaries.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as { id: string; input: string });
    expect(new Set(rows.map((row) => row.id))).toEqual(new Set(dataset.map((record) => record.id)));
    for (const row of rows) {
      expect(row.cells.map((cell) => cell.configId)).toEqual(['lead-1', 'lead-2', 'frequency-2']);
      const article = dataset.find((record) => record.id === row.id)!.input;
      // lead-1 keeps the first sentence of the article, verbatim (as text: escaped in the HTML)
      expect(article.startsWith(row.cells[0]!.output!)).toBe(true);
      for (const cell of row.cells) expect(cell.scores.map((score) => score.split(' ')[0])).toEqual(['recall', 'compression']);
    }
    // Apostrophes of the articles are escaped in the HTML and read back as text.
    expect(rows.some((row) => row.cells.some((cell) => cell.output?.includes("'")))).toBe(true);
    expect(readFileSync(REPORT, 'utf8')).toContain('&#39;');
    // The largest spread of recall between configs comes first.
    const spreads = await page.$$eval('#records tr[data-record-id]', (trs) => trs.map((tr) => Number(tr.getAttribute('data-spread'))));
    expect(spreads).toEqual([...spreads].sort((a, b) => b - a));
    expect(requests).toHaveLength(1);
  }, 60_000);

  it('with --cache, a second run makes 0 calls (every execution from the cache) and prints the same table', async () => {
    const cache = mkdtempSync(join(tmpdir(), 'spearmint-example-cache-'));
    try {
      const args = ['packages/cli/src/cli.ts', 'eval', 'examples/eval/evaluation.ts', '--cache', cache];
      const first = await runTsx(args);
      const second = await runTsx(args);
      expect([first.code, second.code]).toEqual([0, 0]);
      expect(first.stdout).toContain('cache: 0 of 120 executions from the cache, 120 run');
      expect(second.stdout).toContain('cache: 120 of 120 executions from the cache, 0 run');
      // Cached executions keep their recorded durations: the tables agree but for the time and cache counts.
      const table = (stdout: string) => stdout.replace(/ in \d+\.\d\d s/, '').replace(/ +\d+\/\d+\n/g, '\n').replace(/^cache: .*\n/m, '');
      expect(table(second.stdout)).toEqual(table(first.stdout));
    } finally {
      rmSync(cache, { recursive: true, force: true });
    }
  }, 60_000);
});
