/**
 * sharded-eval: the evaluation of examples/eval split into 4 shards, each run as its own process
 * (as 4 CI jobs or pods would run them), then merged: `spearmint merge` prints exactly the table
 * of one unsharded run. Run it with `npm run sharded-eval`.
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = join(__dirname, '..', '..');
const tsx = require.resolve('tsx/cli');
const cli = join(root, 'packages', 'cli', 'src', 'cli.ts');
const SHARDS = 4;

/** `spearmint <args>` from the sources (no build needed), as `npx spearmint` runs after a build. */
function spearmint(args: readonly string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [tsx, cli, ...args], { cwd: root }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
    });
  });
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'spearmint-sharded-'));
  try {
    const shard = (i: number) => join(dir, `shard-${i}`);
    const runs = await Promise.all(
      Array.from({ length: SHARDS }, (_, k) =>
        spearmint(['eval', 'examples/eval/evaluation.ts', '--shard', `${k + 1}/${SHARDS}`, '--save-run', `${shard(k + 1)}.json`, '--records', `${shard(k + 1)}.jsonl`]),
      ),
    );
    runs.forEach((run, k) => {
      if (run.code !== 0) throw new Error(`shard ${k + 1}/${SHARDS} failed:\n${run.stderr}`);
      console.log(run.stdout.split('\n')[0]);
    });
    const parts = Array.from({ length: SHARDS }, (_, k) => `${shard(k + 1)}.json`);
    const records = Array.from({ length: SHARDS }, (_, k) => `${shard(k + 1)}.jsonl`);
    const merged = await spearmint(['merge', ...parts, '--records', ...records, '--out', join(dir, 'report.html')]);
    console.log(`\nspearmint merge of the ${SHARDS} shards:\n`);
    console.log(merged.stdout);
    process.stderr.write(merged.stderr.split('\n').filter((line) => line.startsWith('threshold') || line.startsWith('merged')).join('\n') + '\n');
    process.exitCode = merged.code;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

void main();
