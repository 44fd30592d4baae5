/** Ctrl-C during `spearmint eval`: the evaluation stops, the partial result is printed, exit 130. */
import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { fixture, repoRoot } from './helpers/run-cli-process';

it('SIGINT stops the evaluation after the record in flight, prints the partial table and exits 130', async () => {
  const child = spawn(process.execPath, [require.resolve('tsx/cli'), join(repoRoot, 'packages/cli/src/cli.ts'), 'eval', fixture('slow.evaluation.ts')], {
    cwd: repoRoot,
    env: { ...process.env, NO_COLOR: '1' },
  });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
    if (stderr.includes('evaluated 100/1000 records (10%)') && !child.killed) child.kill('SIGINT');
  });
  const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
  expect(code).toBe(130);
  expect(stderr).toContain('spearmint eval: interrupted; the result over the records that finished:');
  const records = Number(/^wait: (\d+) record\(s\) x 2 config\(s\)/.exec(stdout)?.[1]);
  expect(records).toBeGreaterThanOrEqual(100);
  expect(records).toBeLessThan(1000);
  expect(stdout).toMatch(/^main\s/m);
  expect(stdout).toMatch(/^shadow\s/m);
}, 60_000);
