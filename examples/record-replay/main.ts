/**
 * record-replay: production traffic becomes a dataset. The pricing service of examples/shadow-http
 * records every call (`record:`) while it answers a short load over real HTTP, and shuts down
 * (drain() flushes the recording); then `spearmint eval` replays the recording against three
 * configs and writes the HTML report. Run it with `npm run record-replay`. Files go to
 * $RECORD_REPLAY_DIR, else to a new temporary directory.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { recordTraffic } from './record-traffic';
import { replayRecording } from './replay';
import { agreementLines, type SavedRun } from './summary';

const REQUESTS = 300;

async function main(): Promise<void> {
  const dir = outputDirectory();
  const recording = join(dir, 'pricing.jsonl');
  rmSync(recording, { force: true }); // a rerun in the same directory starts a new recording

  const stats = await recordTraffic(recording, REQUESTS);
  const lines = readFileSync(recording, 'utf8').split('\n').filter(Boolean).length;
  const shadow = stats.comparisons['Pricing.quote']?.['tiered-shadow'];
  console.log(`served ${REQUESTS} HTTP requests; recorded ${lines} calls to ${recording} (records dropped: ${stats.recordsDropped})`);
  if (shadow) console.log(`in production, the tiered-shadow shadow differed from main on ${shadow.mismatched} of ${shadow.compared} compared calls`);

  const report = join(dir, 'report.html');
  const run = join(dir, 'run.json');
  console.log(`\nspearmint eval examples/record-replay/evaluation.ts (RECORDING=${recording}):\n`);
  const replay = await replayRecording(recording, report, run);
  process.stdout.write(replay.stdout);
  for (const line of replay.stderr.split('\n')) if (line.startsWith('threshold')) console.log(line);
  if (replay.code !== 0) {
    process.stderr.write(replay.stderr);
    process.exitCode = replay.code;
    return;
  }
  const saved = JSON.parse(readFileSync(run, 'utf8')) as SavedRun;
  console.log(`\nreplay of ${saved.records} recorded calls: how often each config agrees with what production returned`);
  for (const line of agreementLines(saved)) console.log(`  ${line}`);
  console.log(`\nreport: ${report}`);
}

function outputDirectory(): string {
  const given = process.env.RECORD_REPLAY_DIR;
  if (!given) return mkdtempSync(join(tmpdir(), 'spearmint-record-replay-'));
  mkdirSync(given, { recursive: true });
  return resolve(given);
}

main().catch((error: unknown) => {
  console.error('record-replay failed:', error);
  process.exitCode = 1;
});
