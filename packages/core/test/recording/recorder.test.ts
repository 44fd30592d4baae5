import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createRecorder } from '../../src/recording/recorder';
import { tempFiles } from '../helpers/temp-files';
import { CollectingWritable, readLines, succeeded } from './recording-helpers';

const tempDir = tempFiles();

describe('createRecorder', () => {
  it('writes one dataset record per call: id, input, expected and meta', async () => {
    const file = join(tempDir({}), 'calls.jsonl');
    const recorder = createRecorder({ to: file });
    recorder.record(succeeded({ input: ['hi', { n: 2 }], value: { text: 'hello' }, durationMs: 12.5, timestamp: Date.UTC(2026, 11, 1) }));
    recorder.record({ experiment: 'Svc.answer', configId: 'a1', input: ['boom'], ok: false, error: new RangeError('too long'), durationMs: 1 });
    const stats = await recorder.close();

    expect(stats).toEqual({ calls: 2, written: 2, dropped: 0, skipped: 0, unserialisable: 0, redactFailed: 0, pending: 0, writeErrors: 0 });
    const [first, second] = readLines(file);
    expect(first).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      input: ['hi', { n: 2 }],
      expected: { text: 'hello' },
      meta: { experiment: 'Svc.answer', configId: 'a1', ok: true, durationMs: 12.5, timestamp: '2026-12-01T00:00:00.000Z' },
    });
    expect(second).toEqual({
      id: expect.any(String),
      input: ['boom'],
      meta: { experiment: 'Svc.answer', configId: 'a1', ok: false, error: { name: 'RangeError', message: 'too long' }, durationMs: 1, timestamp: expect.any(String) },
    });
    expect(first!.id).not.toBe(second!.id);
  });

  it('keeps input an argument list: trailing undefined arguments are left out, a single array argument stays wrapped', async () => {
    const stream = new CollectingWritable();
    const recorder = createRecorder({ to: stream });
    recorder.record(succeeded({ input: ['a', undefined, undefined] }));
    recorder.record(succeeded({ input: [[1, 2, 3]] }));
    recorder.record(succeeded({ input: [] }));
    recorder.record(succeeded({ input: ['a', undefined, 'c'] }));
    await recorder.flush();
    expect(stream.lines().map((line) => line.input)).toEqual([['a'], [[1, 2, 3]], [], ['a', null, 'c']]);
  });

  it('leaves expected out when main returned undefined, and writes configIds only for nested experiments', async () => {
    const stream = new CollectingWritable();
    const recorder = createRecorder({ to: stream });
    recorder.record(succeeded({ value: undefined, configIds: { 'Svc.answer': 'a1' } }));
    recorder.record(succeeded({ configIds: { 'Svc.answer': 'a1', 'Svc.inner': 'i2' } }));
    await recorder.flush();
    const [plain, nested] = stream.lines();
    expect('expected' in plain!).toBe(false);
    expect((plain!.meta as Record<string, unknown>).configIds).toBeUndefined();
    expect((nested!.meta as Record<string, unknown>).configIds).toEqual({ 'Svc.answer': 'a1', 'Svc.inner': 'i2' });
  });

  it("describes any thrown value in meta.error, even one whose getters throw", async () => {
    const stream = new CollectingWritable();
    const recorder = createRecorder({ to: stream });
    const hostile = new Proxy({}, { get: () => { throw new Error('getter'); } });
    recorder.record({ ...succeeded(), ok: false, error: 'plain string' });
    recorder.record({ ...succeeded(), ok: false, error: hostile });
    recorder.record({ ...succeeded(), ok: false, error: new Error('x'.repeat(5_000)) });
    await recorder.flush();
    const errors = stream.lines().map((line) => (line.meta as { error: { message: string } }).error);
    expect(errors[0]).toEqual({ message: 'plain string' });
    expect(typeof errors[1]!.message).toBe('string');
    expect(errors[2]!.message).toHaveLength(1_000);
  });

  it('appends to an existing file, creates missing directories, and opens the file again after close()', async () => {
    const dir = tempDir({ 'old/calls.jsonl': '{"input":["before"]}\n' });
    const recorder = createRecorder({ to: pathToFileURL(join(dir, 'old/calls.jsonl')) });
    recorder.record(succeeded({ input: ['one'] }));
    await recorder.close();
    recorder.record(succeeded({ input: ['two'] }));
    await recorder.close();
    expect(readLines(join(dir, 'old/calls.jsonl')).map((line) => line.input)).toEqual([['before'], ['one'], ['two']]);

    const nested = join(dir, 'new/deeper/calls.jsonl');
    const second = createRecorder({ to: nested });
    second.record(succeeded());
    expect((await second.close()).written).toBe(1);
    expect(readLines(nested)).toHaveLength(1);
  });

  it('resolves relative paths against the working directory when created', async () => {
    const dir = tempDir({});
    const cwd = process.cwd();
    process.chdir(dir);
    let recorder;
    try {
      recorder = createRecorder({ to: 'relative.jsonl' });
    } finally {
      process.chdir(cwd);
    }
    recorder.record(succeeded());
    await recorder.close();
    expect(readLines(join(dir, 'relative.jsonl'))).toHaveLength(1);
  });

  it('samples with Math.random: 0 never, 1 always, otherwise below the rate', () => {
    expect(createRecorder({ to: new CollectingWritable(), sampleRate: 0 }).sample()).toBe(false);
    expect(createRecorder({ to: new CollectingWritable() }).sample()).toBe(true);
    const recorder = createRecorder({ to: new CollectingWritable(), sampleRate: 0.25 });
    const random = jest.spyOn(Math, 'random');
    try {
      random.mockReturnValueOnce(0.2499).mockReturnValueOnce(0.25);
      expect([recorder.sample(), recorder.sample()]).toEqual([true, false]);
    } finally {
      random.mockRestore();
    }
  });

  it('flush() and close() resolve at once when nothing is pending, and reject bad timeouts with a TypeError', async () => {
    const recorder = createRecorder({ to: new CollectingWritable() });
    await expect(recorder.flush()).resolves.toMatchObject({ calls: 0, pending: 0 });
    await expect(recorder.close(Infinity)).resolves.toMatchObject({ calls: 0 });
    expect(() => recorder.flush(-1)).toThrow(TypeError);
    expect(() => recorder.close(Number.NaN)).toThrow(/timeoutMs/);
  });

  it.each([
    [{ to: 42 }, /record\.to.*42 \(number\)/],
    [{ to: '' }, /record\.to/],
    [{ to: new URL('https://example.com/x.jsonl') }, /file: URL/],
    [{ to: 'x.jsonl', sampleRate: 1.5 }, /record\.sampleRate.*1\.5/],
    [{ to: 'x.jsonl', sampleRate: Number.NaN }, /record\.sampleRate/],
    [{ to: 'x.jsonl', redact: 'no' }, /record\.redact/],
    [{ to: 'x.jsonl', maxBytes: 0 }, /record\.maxBytes/],
    [{ to: new CollectingWritable(), maxBytes: 1_000 }, /maxBytes.*needs a file path/],
    [{ to: 'x.jsonl', maxBufferedBytes: Infinity }, /record\.maxBufferedBytes/],
    [null, /record options/],
  ])('rejects bad options with a TypeError naming the option (%#)', (options, message) => {
    expect(() => createRecorder(options as never)).toThrow(TypeError);
    expect(() => createRecorder(options as never)).toThrow(message);
  });
});
