import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// The suite's guard must be able to fail: run jest, with this suite's environment and setup, on
// a test whose promise rejects unhandled only after the test body has finished.
const root = join(__dirname, '..', '..', '..', '..');
const setup = join(__dirname, '..', '..', '..', '..', 'test-setup');

it('fails a test whose background work rejects unhandled after it ended', () => {
  const dir = mkdtempSync(join(tmpdir(), 'spearmint-guard-'));
  writeFileSync(
    join(dir, 'leaks.test.js'),
    `it('leaks a rejection', () => { setTimeout(() => Promise.reject(new Error('late and unhandled')), 1); });`,
  );
  const config = {
    rootDir: dir,
    testEnvironment: join(setup, 'unhandled-events-environment.cjs'),
    setupFilesAfterEnv: [join(setup, 'fail-on-unhandled.ts')],
    transform: { '^.+\\.ts$': [require.resolve('ts-jest'), { tsconfig: join(root, 'tsconfig.json') }] },
  };
  const result = spawnSync(process.execPath, [require.resolve('jest/bin/jest'), '--config', JSON.stringify(config), '--ci'], {
    cwd: root,
    encoding: 'utf8',
  });
  expect(result.status).toBe(1);
  expect(result.stderr).toMatch(/unhandledRejection: Error: late and unhandled/);
}, 30_000);
