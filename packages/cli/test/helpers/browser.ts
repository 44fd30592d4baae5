import { pathToFileURL } from 'node:url';
import { type Browser, chromium, type Page } from 'playwright-core';

const CHROMIUM = '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Headless Chromium (Debian's `chromium`, driven by playwright-core). If it cannot start, the tests fail. */
export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS });
}

/** Opens a report file; every request the page makes is recorded. */
export async function openReport(browser: Browser, file: string): Promise<{ page: Page; requests: string[] }> {
  const page = await browser.newPage();
  const requests: string[] = [];
  page.on('request', (request) => requests.push(request.url()));
  await page.goto(pathToFileURL(file).href);
  return { page, requests };
}

/** What a `#records` row shows: its record id, and per config cell its id, output text, error text and scores. */
export interface RecordRow {
  id: string;
  cells: { configId: string; output: string | null; error: string | null; scores: string[]; folded: boolean }[];
}

/** Reads the rows of the report's `#records` section, in document order. */
export function recordRows(page: Page): Promise<RecordRow[]> {
  return page.$$eval('#records tr[data-record-id]', (rows) =>
    rows.map((row) => ({
      id: row.getAttribute('data-record-id')!,
      cells: [...row.querySelectorAll('td[data-config-id]')].map((td) => ({
        configId: td.getAttribute('data-config-id')!,
        output: td.querySelector('.output pre')?.textContent ?? null,
        error: td.querySelector('.error pre')?.textContent ?? null,
        scores: [...td.querySelectorAll('ul.scores li')].map((li) => li.textContent!),
        folded: td.querySelector('.output details') !== null,
      })),
    })),
  );
}
