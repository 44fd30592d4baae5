import { join } from 'node:path';
import { createRecorder, type Recorder } from '../../src/recording/recorder';
import { tempFiles } from '../helpers/temp-files';
import { readLines } from './recording-helpers';

const tempDir = tempFiles();
const CALLS = 10_000;

/** What the engine does around one entry call: sample at the start, record when main settles. */
async function entryCall(recorder: Recorder, n: number): Promise<boolean> {
  const sampled = recorder.sample();
  const started = performance.now();
  await new Promise((resolve) => setImmediate(resolve)); // main's async work
  const value = { answer: n * 2, tags: ['x', n % 7] };
  if (sampled) recorder.record({ experiment: 'Svc.double', configId: 'c1', input: [n, { verbose: n % 2 === 0 }], ok: true, value, durationMs: performance.now() - started });
  return sampled;
}

async function runConcurrently(recorder: Recorder): Promise<number> {
  const sampled = await Promise.all(Array.from({ length: CALLS }, (_, n) => entryCall(recorder, n)));
  return sampled.filter(Boolean).length;
}

describe('a recording under 10,000 concurrent calls', () => {
  it('holds exactly the sampled calls, each a well-formed record', async () => {
    const file = join(tempDir({}), 'calls.jsonl');
    const recorder = createRecorder({ to: file, sampleRate: 0.5 });
    const sampled = await runConcurrently(recorder);
    const stats = await recorder.close();

    expect(sampled).toBeGreaterThan(4_000); // 0.5 of 10,000: far outside this is a broken sampler
    expect(sampled).toBeLessThan(6_000);
    expect(stats).toMatchObject({ calls: sampled, written: sampled, dropped: 0, pending: 0 });
    const lines = readLines(file);
    expect(lines).toHaveLength(sampled);
    expect(new Set(lines.map((line) => line.id)).size).toBe(sampled);
    for (const line of lines) {
      const [n, options] = line.input as [number, { verbose: boolean }];
      expect(line.expected).toEqual({ answer: n * 2, tags: ['x', n % 7] });
      expect(options).toEqual({ verbose: n % 2 === 0 });
      expect(line.meta).toMatchObject({ experiment: 'Svc.double', configId: 'c1', ok: true });
    }
    expect(new Set(lines.map((line) => (line.input as number[])[0])).size).toBe(sampled);
  });

  it('drops and counts what a small buffer cannot hold: lines + dropped = sampled', async () => {
    const file = join(tempDir({}), 'calls.jsonl');
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    try {
      const recorder = createRecorder({ to: file, maxBufferedBytes: 16 * 1024 });
      const sampled = await runConcurrently(recorder);
      const stats = await recorder.close();

      expect(sampled).toBe(CALLS);
      expect(stats.dropped).toBeGreaterThan(0);
      expect(stats.written + stats.dropped).toBe(sampled);
      expect(readLines(file)).toHaveLength(stats.written);
      expect(warn).toHaveBeenCalledTimes(1);
      expect(warn.mock.calls[0]![0]).toMatch(/recording to file .*calls\.jsonl cannot keep up: 16384 bytes/);
    } finally {
      warn.mockRestore();
    }
  });
});
