import { execFile } from 'node:child_process';
import { join } from 'node:path';

export const repoRoot = join(__dirname, '..', '..', '..', '..');
const tsxCli = require.resolve('tsx/cli');

export interface CliOutcome {
  readonly code: number | string;
  readonly stdout: string;
  readonly stderr: string;
}

/**
 * Runs the CLI from its sources, as `npm run eval` does (node + tsx on packages/cli/src/cli.ts,
 * no build), from the repository root; stdout and stderr are pipes (not a terminal).
 */
export function runCliProcess(args: readonly string[], cwd = repoRoot, env: Record<string, string> = {}): Promise<CliOutcome> {
  return runTsx(['packages/cli/src/cli.ts', ...args].map((arg, i) => (i === 0 ? join(repoRoot, arg) : arg)), cwd, env);
}

/** `tsx <args...>` in `cwd`, with `env` added to the environment. */
export function runTsx(args: readonly string[], cwd = repoRoot, env: Record<string, string> = {}): Promise<CliOutcome> {
  return new Promise((resolve) => {
    execFile(process.execPath, [tsxCli, ...args], { cwd, env: { ...process.env, NO_COLOR: '1', ...env }, timeout: 60_000 }, (error, stdout, stderr) => {
      const code = error ? (typeof error.code === 'number' ? error.code : (error.signal ?? String(error.code))) : 0;
      resolve({ code, stdout, stderr });
    });
  });
}

export const fixture = (name: string) => `packages/cli/test/fixtures/${name}`;
