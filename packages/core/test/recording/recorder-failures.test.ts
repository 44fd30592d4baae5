import { existsSync } from 'node:fs';
import { Writable } from 'node:stream';
import type { RecordStream } from '../../src/recording/record-options';
import { createRecorder } from '../../src/recording/recorder';
import { tempFiles } from '../helpers/temp-files';
import { CollectingWritable, FullDiskWritable, succeeded } from './recording-helpers';

const tempDir = tempFiles();
let warn: jest.SpyInstance;
beforeEach(() => (warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined)));
afterEach(() => warn.mockRestore());

/** Records `count` calls; none may throw. */
function recordCalls(recorder: ReturnType<typeof createRecorder>, count: number): void {
  for (let i = 0; i < count; i++) expect(() => recorder.record(succeeded({ input: [i] }))).not.toThrow();
}

describe('a recorder whose destination fails never harms the caller', () => {
  it('a full disk (a stream failing with ENOSPC): lines are dropped and counted, one warning, no unhandled error', async () => {
    const disk = new FullDiskWritable();
    const recorder = createRecorder({ to: disk });
    recordCalls(recorder, 50);
    const stats = await recorder.flush();

    expect(stats).toMatchObject({ calls: 50, written: 0, dropped: 50, pending: 0, writeErrors: 1 });
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]![0]).toMatch(/recording to the stream given as record\.to failed: Error: ENOSPC: no space left on device/);
    // A destroyed stream takes no more writes: later records are dropped without touching it.
    recordCalls(recorder, 10);
    expect(await recorder.close()).toMatchObject({ calls: 60, dropped: 60, pending: 0 });
    expect(disk.attempts).toBe(1);
  });

  const devFull = existsSync('/dev/full') ? it : it.skip;
  devFull('a full disk (the file /dev/full, which fails every write with ENOSPC): the same', async () => {
    const recorder = createRecorder({ to: '/dev/full' });
    recordCalls(recorder, 20);
    const stats = await recorder.close();
    expect(stats).toMatchObject({ calls: 20, written: 0, dropped: 20, pending: 0, writeErrors: 1 });
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]![0]).toMatch(/recording to file \/dev\/full failed: .*ENOSPC/);
  });

  it('a stream closed before the first record, or ended in between', async () => {
    const ended = new CollectingWritable();
    ended.end();
    const closed = createRecorder({ to: ended });
    recordCalls(closed, 5);
    expect(await closed.close()).toMatchObject({ calls: 5, written: 0, dropped: 5, pending: 0 });

    const stream = new CollectingWritable();
    const recorder = createRecorder({ to: stream });
    recordCalls(recorder, 3);
    await recorder.flush();
    stream.destroy();
    recordCalls(recorder, 4);
    expect(await recorder.close()).toMatchObject({ calls: 7, written: 3, dropped: 4, pending: 0 });
    expect(stream.lines()).toHaveLength(3);
    expect(warn.mock.calls.map(([message]) => message)).toEqual([
      expect.stringMatching(/failed: Error: the stream (has ended|is destroyed)/),
      expect.stringMatching(/failed: Error: the stream is destroyed/),
    ]);
  });

  it('a stream destroyed (with an error event) while a write is in flight', async () => {
    let pendingCallback: (() => void) | undefined;
    const stream = new Writable({ write: (_chunk, _encoding, callback) => void (pendingCallback = callback) });
    const recorder = createRecorder({ to: stream });
    recordCalls(recorder, 3);
    const flushed = recorder.flush();
    await new Promise((resolve) => setImmediate(resolve));
    expect(pendingCallback).toBeDefined();
    stream.destroy(new Error('EPIPE: broken pipe'));
    expect(await flushed).toMatchObject({ calls: 3, written: 0, dropped: 3, pending: 0, writeErrors: 1 });
    expect(warn.mock.calls[0]![0]).toMatch(/EPIPE: broken pipe/);
  });

  it('a hostile stream whose write throws, or whose callback reports a non-Error', async () => {
    const throwing: RecordStream = { write: () => { throw new Error('write exploded'); }, on: () => undefined };
    const first = createRecorder({ to: throwing });
    recordCalls(first, 2);
    expect(await first.close()).toMatchObject({ dropped: 2, writeErrors: 1 });

    const oddCallback = {
      write: (_chunk: string, callback: (error: unknown) => void) => void setImmediate(() => callback('not an error')),
      on: () => { throw new Error('no events here'); },
    } as unknown as RecordStream;
    const second = createRecorder({ to: oddCallback });
    recordCalls(second, 2);
    expect(await second.close()).toMatchObject({ dropped: 2, writeErrors: 1 });
  });

  it('a path it cannot write (a directory): dropped, counted, warned once', async () => {
    const dir = tempDir({});
    const recorder = createRecorder({ to: dir });
    recordCalls(recorder, 5);
    expect(await recorder.close()).toMatchObject({ calls: 5, written: 0, dropped: 5, pending: 0, writeErrors: 1 });
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]![0]).toMatch(/EISDIR/);
  });
});
