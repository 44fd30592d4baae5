// npm run record-replay: the pricing service records 300 real HTTP calls, then spearmint eval
// replays the recording against three configs. Checks the recording, the report and the summary.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { quantityOf } from '../record-replay/load';

const root = join(__dirname, '..', '..');
const REQUESTS = 300;

let dir: string;
let outcome: { code: number | string | null; stdout: string; stderr: string };

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'spearmint-record-replay-test-'));
  outcome = await new Promise((resolve) => {
    execFile('npm', ['run', '-s', 'record-replay'], { cwd: root, env: { ...process.env, RECORD_REPLAY_DIR: dir, NO_COLOR: '1' } }, (error, stdout, stderr) =>
      resolve({ code: error ? (error.code ?? error.signal ?? 'error') : 0, stdout, stderr }),
    );
  });
}, 120_000);

afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('exits 0 with nothing on stderr', () => {
  expect({ code: outcome.code, stderr: outcome.stderr }).toEqual({ code: 0, stderr: '' });
});

it('records one well-formed dataset line per HTTP request, flushed by the shutdown drain', () => {
  const lines = readFileSync(join(dir, 'pricing.jsonl'), 'utf8').split('\n');
  expect(lines.pop()).toBe(''); // every line ends with a newline
  expect(lines).toHaveLength(REQUESTS);
  const records = lines.map((line) => JSON.parse(line));
  for (const record of records) {
    const quantity = record.input[0];
    expect(record).toEqual({
      id: expect.any(String),
      input: [quantity],
      expected: { total: quantity * 10, algorithm: 'flat' },
      meta: { experiment: 'Pricing.quote', configId: 'flat', ok: true, durationMs: expect.any(Number), timestamp: expect.any(String) },
    });
    expect(Number.isNaN(Date.parse(record.meta.timestamp))).toBe(false);
  }
  expect(new Set(records.map((record) => record.id)).size).toBe(REQUESTS);
  // The recorded inputs are exactly the quantities sent (in whatever order the requests finished).
  const sent = Array.from({ length: REQUESTS }, (_, i) => quantityOf(i)).sort((a, b) => a - b);
  expect(records.map((record) => record.input[0] as number).sort((a, b) => a - b)).toEqual(sent);
  expect(outcome.stdout).toContain(`served ${REQUESTS} HTTP requests; recorded ${REQUESTS} calls to ${join(dir, 'pricing.jsonl')} (records dropped: 0)`);
});

it('replays the recording against three configs: the HTML report, the saved run and the summary', () => {
  const report = readFileSync(join(dir, 'report.html'), 'utf8');
  const bars = [...report.matchAll(/<rect class="bar[^"]*" data-metric="([^"]+)" data-config-id="([^"]+)" data-value="([^"]+)"/g)].map((m) => [m[1], m[2], Number(m[3])]);
  expect(bars).toEqual([
    ['matches', 'flat', 1],
    ['matches', 'tiered', 0],
    ['matches', 'tiered-shadow', 0],
    ['sameTotal', 'flat', 1],
    ['sameTotal', 'tiered', 0.5],
    ['sameTotal', 'tiered-shadow', 0.05],
  ]);
  const run = JSON.parse(readFileSync(join(dir, 'run.json'), 'utf8'));
  expect(run).toMatchObject({ experiment: 'Pricing.quote', records: REQUESTS });
  expect(run.configs.map((config: { configId: string; errors: number }) => [config.configId, config.errors])).toEqual([
    ['flat', 0],
    ['tiered', 0],
    ['tiered-shadow', 0],
  ]);
  expect(outcome.stdout).toContain("threshold matches@main >= 1: main config 'flat' has 1.000 (errors 0.0%) - met");
  const summary = outcome.stdout.slice(outcome.stdout.indexOf(`replay of ${REQUESTS} recorded calls`)).split('\n');
  expect(summary.slice(0, 4)).toEqual([
    `replay of ${REQUESTS} recorded calls: how often each config agrees with what production returned`,
    '  flat           agrees with production on 300 of 300 calls (100.0%), same total on 300 of 300 calls (100.0%)',
    '  tiered         agrees with production on 0 of 300 calls (0.0%), same total on 150 of 300 calls (50.0%)',
    '  tiered-shadow  agrees with production on 0 of 300 calls (0.0%), same total on 15 of 300 calls (5.0%)',
  ]);
  expect(outcome.stdout).toContain(`report: ${join(dir, 'report.html')}`);
});
