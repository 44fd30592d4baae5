/** Offline: `spearmint eval` (the CLI from its sources, as `npx spearmint` runs after a build) on a recording. */
import { execFile } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
const tsx = require.resolve('tsx/cli');
const cli = join(root, 'packages', 'cli', 'src', 'cli.ts');

export interface Replay {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Replays `recording` through evaluation.ts, writing the HTML report to `report` and the run (JSON) to `run`. */
export function replayRecording(recording: string, report: string, run: string): Promise<Replay> {
  const args = [tsx, cli, 'eval', join(__dirname, 'evaluation.ts'), '--out', report, '--save-run', run];
  return new Promise((resolve) => {
    execFile(process.execPath, args, { cwd: root, env: { ...process.env, RECORDING: recording } }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
  });
}
