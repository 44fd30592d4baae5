import { readdirSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRecorder } from '../../src/recording/recorder';
import { recordingFiles, rotatedPath } from '../../src/recording/recording-files';
import { tempFiles } from '../helpers/temp-files';
import { readLines, succeeded } from './recording-helpers';

const tempDir = tempFiles();

/** Records calls with inputs `from`..`to - 1`, in one batch or one flush each. */
async function recordRange(recorder: ReturnType<typeof createRecorder>, from: number, to: number, flushEach = false): Promise<void> {
  for (let i = from; i < to; i++) {
    recorder.record(succeeded({ input: [i], timestamp: 0, durationMs: 1 }));
    if (flushEach) await recorder.flush();
  }
  await recorder.flush();
}

describe('rotation with maxBytes', () => {
  it('names the files calls.jsonl, calls.1.jsonl, calls.2.jsonl, …: the highest number is the newest', () => {
    expect(rotatedPath('/r/calls.jsonl', 0)).toBe('/r/calls.jsonl');
    expect(rotatedPath('/r/calls.jsonl', 2)).toBe('/r/calls.2.jsonl');
    expect(rotatedPath('/r/calls', 1)).toBe('/r/calls.1');
  });

  it.each([false, true])('keeps every file within maxBytes and every line in order across the files (a flush per line: %s)', async (flushEach) => {
    const dir = tempDir({});
    const file = join(dir, 'calls.jsonl');
    const recorder = createRecorder({ to: file, maxBytes: 1_000 });
    await recordRange(recorder, 0, 60, flushEach);
    const stats = await recorder.close();

    expect(stats).toMatchObject({ calls: 60, written: 60, dropped: 0, pending: 0 });
    const files = await recordingFiles(file);
    expect(files.length).toBeGreaterThan(3);
    expect(files[0]).toBe(file);
    expect(files.slice(1)).toEqual(files.slice(1).map((_, i) => join(dir, `calls.${i + 1}.jsonl`)));
    for (const part of files) expect(statSync(part).size).toBeLessThanOrEqual(1_000);
    for (const part of files.slice(0, -1)) expect(statSync(part).size).toBeGreaterThan(500); // filled before moving on (lines are ~170 bytes)
    const inputs = files.flatMap((part) => readLines(part).map((line) => (line.input as number[])[0]));
    expect(inputs).toEqual(Array.from({ length: 60 }, (_, i) => i));
  });

  it('continues the newest file after a restart, and gives a line larger than maxBytes a file of its own', async () => {
    const dir = tempDir({ 'calls.jsonl': 'x\n'.repeat(10), 'calls.1.jsonl': '', 'calls.2.jsonl': '{"input":[]}\n', 'calls.10.jsonl.bak': '', 'other.1.jsonl': '' });
    const file = join(dir, 'calls.jsonl');
    const recorder = createRecorder({ to: file, maxBytes: 400 });
    recorder.record(succeeded({ input: ['small'] }));
    await recorder.flush();
    expect(readLines(join(dir, 'calls.2.jsonl')).map((line) => line.input)).toEqual([[], ['small']]);

    recorder.record(succeeded({ input: ['x'.repeat(1_000)] }));
    recorder.record(succeeded({ input: ['after'] }));
    await recorder.close();
    expect(readLines(join(dir, 'calls.3.jsonl')).map((line) => line.input)).toEqual([['x'.repeat(1_000)]]);
    expect(readLines(join(dir, 'calls.4.jsonl')).map((line) => line.input)).toEqual([['after']]);
    expect(await recordingFiles(file)).toEqual([0, 1, 2, 3, 4].map((index) => rotatedPath(file, index)));
    expect(readdirSync(dir).sort()).toEqual(
      ['calls.1.jsonl', 'calls.10.jsonl.bak', 'calls.2.jsonl', 'calls.3.jsonl', 'calls.4.jsonl', 'calls.jsonl', 'other.1.jsonl'].sort(),
    );
  });

  it('starts a new file at once when the newest one is already full', async () => {
    const dir = tempDir({});
    const file = join(dir, 'calls.jsonl');
    writeFileSync(file, `${'{"input":[]}\n'.repeat(40)}`);
    const recorder = createRecorder({ to: file, maxBytes: 300 });
    recorder.record(succeeded());
    await recorder.close();
    expect(readLines(join(dir, 'calls.1.jsonl'))).toHaveLength(1);
    expect(await recordingFiles(join(dir, 'none.jsonl'))).toEqual([]);
  });
});
