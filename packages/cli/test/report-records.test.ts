/**
 * The report's `#records` section in headless Chromium: one row per kept record, one cell per
 * config with the escaped output (long ones folded), scores and error; hostile outputs stay text.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { RecordSelection } from '../src/record-selection';
import { recordsSection } from '../src/report-records';
import { launchBrowser, openReport, recordRows } from './helpers/browser';
import { execution, record } from './helpers/record-results';

jest.setTimeout(30_000);

const HOSTILE = '<script>window.hacked=1</script><img src=x onerror="window.hacked=2">&amp;';
const LONG = `${'mint '.repeat(100)}\nsecond line`;

let browser: Browser;
let page: Page;
let requests: string[];
let tmp: string;

beforeAll(async () => {
  tmp = mkdtempSync(join(tmpdir(), 'spearmint-records-'));
  browser = await launchBrowser();
  const selection = new RecordSelection(3);
  selection.rankBy('score');
  selection.add(record(0, [execution('a', 'same', { score: 0.5 }), execution('b', 'same', { score: 0.5 })]));
  selection.add(record(1, [execution('a', HOSTILE, { score: 0.1 }), execution('b', LONG, { score: 0.9 })]));
  selection.add(record(2, [execution('a', 'x', { score: 0.5 }), execution('b', undefined, {}, new TypeError('<b>bold</b> failure'))]));
  selection.add(record(3, [execution('a', 'y', { score: 0.2 }), execution('b', { nested: [1, 2n] }, { score: 0.6 })]));
  selection.add(record(4, [execution('a', 'z', { score: 0.5 }), execution('b', 'z', { score: 0.5 })]));
  const html = `<!doctype html><html><head><meta charset="utf-8"></head><body>${recordsSection({
    views: selection.selected(),
    seen: selection.seen,
    capacity: selection.capacity,
    rankingMetric: selection.rankingMetric!,
    configIds: ['a', 'b'],
  })}</body></html>`;
  const file = join(tmp, 'records.html');
  writeFileSync(file, html);
  ({ page, requests } = await openReport(browser, file));
}, 60_000);

afterAll(async () => {
  await browser?.close();
  rmSync(tmp, { recursive: true, force: true });
});

describe('#records', () => {
  it('keeps the 3 records that matter most: largest spread first, then a failure, then dataset order', async () => {
    const rows = await recordRows(page);
    expect(rows.map((row) => row.id)).toEqual(['r1', 'r3', 'r2']);
    expect(await page.$eval('#records h2 small', (small) => small.textContent)).toContain('the 3 of 5 records that matter most');
  });

  it('one cell per config: escaped output, scores, error', async () => {
    const [r1, r3, r2] = await recordRows(page);
    expect(r1!.cells).toEqual([
      { configId: 'a', output: HOSTILE, error: null, scores: ['score 0.100'], folded: false },
      { configId: 'b', output: LONG, error: null, scores: ['score 0.900'], folded: true },
    ]);
    expect(r3!.cells[1]!.output).toBe(JSON.stringify({ nested: [1, '2n'] }));
    expect(r2!.cells[1]).toEqual({ configId: 'b', output: null, error: 'TypeError: <b>bold</b> failure', scores: [], folded: false });
  });

  it('long outputs are folded in <details>, whole inside', async () => {
    const details = await page.$eval('tr[data-record-id="r1"] td[data-config-id="b"] details', (d) => ({ open: d.hasAttribute('open'), text: d.querySelector('pre')!.textContent }));
    expect(details).toEqual({ open: false, text: LONG });
  });

  it('nothing in an output runs or loads', async () => {
    expect(await page.evaluate(() => (globalThis as { hacked?: number }).hacked)).toBeUndefined();
    expect(await page.$$eval('script, img', (elements) => elements.length)).toBe(0);
    expect(requests).toHaveLength(1);
  });
});
