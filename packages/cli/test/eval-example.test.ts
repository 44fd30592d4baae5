/**
 * `npm run eval` (examples/eval): the summariser's three configs over the shipped dataset,
 * through the CLI from its sources, so it works on a fresh clone without dist/.
 */
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot, runTsx } from './helpers/run-cli-process';

const scripts: Record<string, string> = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')).scripts;
const COMMAND = 'tsx packages/cli/src/cli.ts eval examples/eval/evaluation.ts --out examples/eval/report.html';

describe('npm run eval', () => {
  it('runs the example through the CLI sources with tsx (no build step)', () => {
    expect(scripts.eval).toBe(COMMAND);
  });

  it('compares three configs on 40 records, meets the recall threshold and writes the report', async () => {
    const started = Date.now();
    const { code, stdout, stderr } = await runTsx(COMMAND.split(' ').slice(1));
    expect(code).toBe(0);
    const lines = stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^Summariser\.summarise: 40 record\(s\) x 3 config\(s\) in /);
    expect(lines[2]).toMatch(/^config_id\s+config\s+recall\s+compression\s+errors\s+p50 ms\s+p95 ms$/);
    expect(lines.slice(4, 7).map((line) => line.split(/\s{2,}/).slice(0, 5))).toEqual([
      ['lead-1', 'method=lead, sentences=1', '0.688', '0.275*', '0.0%'],
      ['lead-2', 'method=lead, sentences=2', '0.888*', '0.542', '0.0%'],
      ['frequency-2', 'method=frequency, sentences=2', '0.712', '0.513', '0.0%'],
    ]);
    expect(stderr).toContain('report written to examples/eval/report.html');
    expect(stderr).toContain("threshold recall >= 0.5: best config 'lead-2' has 0.888 - met");

    const report = join(repoRoot, 'examples', 'eval', 'report.html');
    expect(statSync(report).mtimeMs).toBeGreaterThanOrEqual(started - 1000);
    const html = readFileSync(report, 'utf8');
    for (const metric of ['recall', 'compression']) {
      const ids = [...html.matchAll(new RegExp(`<rect class="bar[^"]*" data-metric="${metric}" data-config-id="([^"]+)"`, 'g'))].map((m) => m[1]);
      expect(ids).toEqual(['lead-1', 'lead-2', 'frequency-2']);
    }
  }, 60_000);
});
