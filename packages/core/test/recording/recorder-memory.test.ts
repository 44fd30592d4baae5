import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { createRecorder } from '../../src/recording/recorder';
import { tempFiles } from '../helpers/temp-files';
import { NeverDrainingWritable, readLines, succeeded } from './recording-helpers';

const tempDir = tempFiles();
let warn: jest.SpyInstance;
beforeEach(() => (warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined)));
afterEach(() => {
  warn.mockRestore();
  jest.restoreAllMocks();
});

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

function heapUsed(): number {
  gc();
  gc();
  return process.memoryUsage().heapUsed;
}

describe('the buffer is bounded', () => {
  it('a destination that never drains: memory stays flat, pending stays under maxBufferedBytes, dropped grows', async () => {
    const stream = new NeverDrainingWritable();
    const maxBufferedBytes = 256 * 1024;
    const recorder = createRecorder({ to: stream, maxBufferedBytes });
    const payload = 'p'.repeat(400); // ~600-byte lines: 100,000 of them would be ~60 MB if queued
    const record = (i: number): void => recorder.record(succeeded({ input: [i, payload] }));

    for (let i = 0; i < 1_000; i++) record(i);
    await new Promise((resolve) => setImmediate(resolve));
    const before = heapUsed();
    for (let round = 0; round < 100; round++) {
      for (let i = 0; i < 1_000; i++) record(i);
      await new Promise((resolve) => setImmediate(resolve));
    }
    const growth = heapUsed() - before;
    if (process.env.SPEARMINT_PRINT_MEMORY) console.log(`heap growth over 100,000 records: ${(growth / 1024).toFixed(0)} KiB`);
    const stats = recorder.stats();

    expect(stream.writes).toBe(1); // one batch in flight, never finished
    expect(stats.calls).toBe(101_000);
    expect(stats.pending * payload.length).toBeLessThanOrEqual(maxBufferedBytes); // each line is longer than its payload
    expect(stats.dropped).toBe(stats.calls - stats.pending);
    expect(stats.dropped).toBeGreaterThan(100_000);
    expect(growth).toBeLessThan(8 * 1024 * 1024);
    // flush() gives up after its timeout instead of hanging on the stuck stream
    expect(await recorder.flush(1)).toMatchObject({ pending: stats.pending });
  }, 120_000); // 101,000 records: a second on a quiet machine, far longer on a loaded one

  it('after a failed write, waits a second before trying the disk again, then writes once it works', async () => {
    const dir = tempDir({ blocker: 'a file where a directory should be' });
    const file = join(dir, 'blocker', 'calls.jsonl');
    let now = 1_000_000;
    jest.spyOn(Date, 'now').mockImplementation(() => now);
    const recorder = createRecorder({ to: file });

    recorder.record(succeeded({ input: ['lost'] }));
    expect(await recorder.flush()).toMatchObject({ dropped: 1, writeErrors: 1 });
    rmSync(join(dir, 'blocker'));
    mkdirSync(join(dir, 'blocker'));
    recorder.record(succeeded({ input: ['during the pause'] }));
    expect(await recorder.flush()).toMatchObject({ dropped: 2, writeErrors: 1, written: 0 });

    now += 1_000;
    recorder.record(succeeded({ input: ['after'] }));
    expect(await recorder.close()).toMatchObject({ calls: 3, written: 1, dropped: 2, writeErrors: 1, pending: 0 });
    expect(readLines(file).map((line) => line.input)).toEqual([['after']]);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]![0]).toMatch(/ENOTDIR|EEXIST/);
  });
});
