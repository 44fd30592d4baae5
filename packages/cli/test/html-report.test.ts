/**
 * The HTML report in a real browser: headless Chromium (Debian's `chromium`, driven by
 * playwright-core) opens the file and the test measures the bars. If the browser cannot start,
 * these tests fail.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { Config, type ConfigEvaluation, type EvaluationResult } from '@spearmint/decorators';
import { renderHtmlReport } from '../src/render-html-report';
import { launchBrowser, openReport, recordRows } from './helpers/browser';
import { fixture, runCliProcess } from './helpers/run-cli-process';

// Each test starts Node processes (or a browser page); generous on a loaded CI machine.
jest.setTimeout(30_000);

let browser: Browser;
let tmp: string;
beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'spearmint-report-'));
  browser = await launchBrowser();
}, 60_000);
afterAll(async () => {
  await browser?.close();
  rmSync(tmp, { recursive: true, force: true });
});

interface Bar {
  configId: string;
  value: string;
  width: number;
  best: boolean;
}

const open = (file: string) => openReport(browser, file);

/** The bars drawn for one metric, in document order, with their rendered widths. */
function bars(page: Page, metric: string): Promise<Bar[]> {
  return page.$$eval(`svg.chart[data-metric="${metric}"] rect.bar`, (rects) =>
    rects.map((rect) => ({
      configId: rect.getAttribute('data-config-id')!,
      value: rect.getAttribute('data-value')!,
      width: rect.getBoundingClientRect().width,
      best: rect.classList.contains('best'),
    })),
  );
}

/** Asserts the bars' widths are ordered as `scores` are (a higher score, a wider bar). */
function expectOrderedAsScores(drawn: Bar[], scores: Record<string, number>): void {
  const byScore = [...drawn].sort((a, b) => scores[a.configId]! - scores[b.configId]!);
  for (let i = 1; i < byScore.length; i++) expect(byScore[i]!.width).toBeGreaterThan(byScore[i - 1]!.width + 1);
}

function config(configId: string, values: Record<string, unknown>, metrics: Record<string, number>): ConfigEvaluation {
  return {
    configId,
    config: new Config({ config_id: configId, ...values }),
    configIds: { 'Svc.run': configId },
    count: 10,
    errors: 0,
    errorRate: 0,
    eligible: true,
    latency: { mean: 1, min: 0.5, max: 2, p50: 1, p95: 1.9 },
    metrics: Object.fromEntries(
      Object.entries(metrics).map(([name, mean]) => [name, { mean, min: mean, max: mean, count: 10, scoredRecords: 10, sd: 0.1, ci95: [mean - 0.05, mean + 0.05] as const }]),
    ),
    evaluatorErrors: {},
  };
}

const HOSTILE = '<img src=x onerror="window.hacked=1">&\'';
const result: EvaluationResult = {
  experiment: 'Svc.run',
  records: 10,
  repeat: 1,
  durationMs: 12,
  metrics: [
    { name: 'recall', evaluator: 'recall', better: 'higher' },
    { name: 'latency', evaluator: 'latency', better: 'lower' },
    { name: 'delta', evaluator: 'delta', better: 'higher' },
  ],
  configs: [
    config('alpha', { model: 'm1' }, { recall: 0.9, latency: 5, delta: -0.5 }),
    config(HOSTILE, { note: '</td><script>window.hacked=2</script>' }, { recall: 0.3, latency: 1, delta: 0.25 }),
    config('gamma', { model: 'm3' }, { recall: 0.6, latency: 3, delta: 1 }),
  ],
  best: {
    recall: { configId: 'alpha', mean: 0.9, errorRate: 0 },
    latency: { configId: HOSTILE, mean: 1, errorRate: 0 },
    delta: { configId: 'gamma', mean: 1, errorRate: 0 },
  },
};
const scoresOf = (metric: string) => Object.fromEntries(result.configs.map((c) => [c.configId, c.metrics[metric]!.mean]));

describe('the HTML report in headless Chromium', () => {
  let page: Page;
  let requests: string[];
  beforeAll(async () => {
    const file = join(tmp, 'synthetic.html');
    writeFileSync(file, renderHtmlReport(result));
    ({ page, requests } = await open(file));
  }, 30_000);
  afterAll(() => page?.close());

  it.each(['recall', 'latency', 'delta'])('%s: one bar per config, widths ordered as the scores, the best marked', async (metric) => {
    const drawn = await bars(page, metric);
    expect(drawn.map((bar) => bar.configId)).toEqual(['alpha', HOSTILE, 'gamma']);
    expect(drawn.map((bar) => Number(bar.value))).toEqual(result.configs.map((c) => c.metrics[metric]!.mean));
    expectOrderedAsScores(drawn, scoresOf(metric));
    expect(drawn.filter((bar) => bar.best).map((bar) => bar.configId)).toEqual([result.best[metric]!.configId]);
  });

  it('bar widths are proportional to positive scores', async () => {
    const drawn = await bars(page, 'recall');
    const widest = Math.max(...drawn.map((bar) => bar.width));
    for (const bar of drawn) expect(bar.width / widest).toBeCloseTo(Number(bar.value) / 0.9, 2);
  });

  it('escapes config ids and values: they show as text, nothing runs', async () => {
    expect(await page.evaluate(() => (globalThis as { hacked?: number }).hacked)).toBeUndefined();
    expect(await page.$$eval('script, img', (elements) => elements.length)).toBe(0);
    const rows = await page.$$eval('table.results tbody tr', (trs) => trs.map((tr) => [...tr.querySelectorAll('td')].slice(0, 2).map((td) => td.textContent)));
    expect(rows).toEqual([
      ['alpha', 'model=m1'],
      [HOSTILE, 'note=</td><script>window.hacked=2</script>'],
      ['gamma', 'model=m3'],
    ]);
  });

  it('each mean shows its 95% interval; the best cell says so, with the config\'s error rate', async () => {
    const cells = await page.$$eval('table.results tr[data-config-id="alpha"] td.num[data-metric]', (tds) =>
      tds.map((td) => [td.getAttribute('data-metric'), td.querySelector('.ci')?.textContent, td.querySelector('.mark')?.textContent ?? null]),
    );
    expect(cells).toEqual([
      ['recall', '[0.850, 0.950]', '★ best · errors 0.0%'],
      ['latency', '[4.950, 5.050]', null],
      ['delta', '[-0.550, -0.450]', null],
    ]);
  });

  it('is self-contained: the page requests nothing but itself', () => {
    expect(requests).toHaveLength(1);
    expect(requests[0]).toMatch(/^file:\/\/.*synthetic\.html$/);
  });

  it('the table has a column per metric, error rate, p50 and p95, and marks the best cell', async () => {
    const head = await page.$$eval('table.results thead th', (ths) => ths.map((th) => th.textContent));
    expect(head).toEqual(['config_id', 'config', 'recall', 'latency', 'delta', 'error rate', 'p50 ms', 'p95 ms']);
    const best = await page.$$eval('table.results td.best', (tds) => tds.map((td) => [td.closest('tr')!.getAttribute('data-config-id'), td.getAttribute('data-metric')]));
    expect(best).toEqual([['alpha', 'recall'], [HOSTILE, 'latency'], ['gamma', 'delta']]);
  });
});

describe('spearmint eval --out: the report of a real run', () => {
  it('draws one bar per config for each metric, widths ordered as the means --json reports', async () => {
    const file = join(tmp, 'numbers.html');
    const { code, stdout } = await runCliProcess(['eval', fixture('numbers.evaluation.ts'), '--json', '--out', file]);
    expect(code).toBe(0);
    const evaluation = JSON.parse(stdout) as EvaluationResult;
    const html = readFileSync(file, 'utf8');
    expect(html).not.toMatch(/\b(src|href)=/);
    const { page, requests } = await open(file);
    try {
      for (const metric of evaluation.metrics.map((m) => m.name)) {
        const drawn = await bars(page, metric);
        expect(drawn.map((bar) => bar.configId)).toEqual(['a', 'b', 'c']);
        expectOrderedAsScores(drawn, Object.fromEntries(evaluation.configs.map((c) => [c.configId, c.metrics[metric]!.mean])));
      }
      expect(await page.$$eval('svg.chart', (svgs) => svgs.map((svg) => svg.getAttribute('data-metric')))).toEqual(['score', 'cost']);
      // #records: all 10 records (fewer than the default 200); the spread of score is 0.6 on every
      // record but 7, where c failed (spread 0.3): record 7 comes last.
      const rows = await recordRows(page);
      expect(rows.map((row) => row.id)).toEqual(['0', '1', '2', '3', '4', '5', '6', '8', '9', '7']);
      for (const row of rows) expect(row.cells.map((cell) => cell.configId)).toEqual(['a', 'b', 'c']);
      expect(rows[0]!.cells[1]).toEqual({ configId: 'b', output: JSON.stringify({ level: 0.5, cost: 2 }), error: null, scores: ['score 0.500', 'cost 2.000'], folded: false });
      expect(rows.at(-1)!.cells[2]).toEqual({ configId: 'c', output: null, error: 'Error: c cannot do 7', scores: [], folded: false });
      // #vs-main: one row per variant and metric, with its verdict
      const verdicts = await page.$$eval('#vs-main tr[data-config-id]', (trs) => trs.map((tr) => [tr.getAttribute('data-config-id'), tr.getAttribute('data-metric'), tr.getAttribute('data-verdict')]));
      expect(verdicts).toEqual([['b', 'score', 'better'], ['b', 'cost', 'worse'], ['c', 'score', 'better'], ['c', 'cost', 'worse']]);
      expect(requests).toHaveLength(1);
    } finally {
      await page.close();
    }
  }, 60_000);
});
