import { createRecorder } from '../../src/recording/recorder';
import type { CallRecord } from '../../src/recording/recorded-call';
import { CollectingWritable, succeeded } from './recording-helpers';

let warn: jest.SpyInstance;
beforeEach(() => (warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined)));
afterEach(() => warn.mockRestore());

const cyclic: Record<string, unknown> = { name: 'loop' };
cyclic.self = cyclic;

describe('values JSON cannot hold', () => {
  it.each([
    ['a BigInt', { input: [{ amount: 10n }] }, /input.*a BigInt at key "amount"/],
    ['a cycle', { input: [cyclic] }, /input.*circular/i],
    ['a function', { input: [{ callback: () => 1 }] }, /input.*a function at key "callback"/],
    ['a function argument', { input: [() => 1] }, /input.*a function at key "0"/],
    ['a symbol', { value: Symbol('s') }, /expected.*a symbol/],
    ['NaN', { value: { score: Number.NaN } }, /expected.*NaN at key "score"/],
    ['a Map', { value: new Map([[1, 2]]) }, /expected.*an instance of Map \(JSON would write \{\}\)/],
    ['a throwing getter', { input: [{ get secret(): string { throw new Error('no access'); } }] }, /input.*no access/],
    ['a throwing toJSON', { value: { toJSON: () => { throw new Error('toJSON broke'); } } }, /expected.*toJSON broke/],
    ['a revoked proxy', { input: [(() => { const p = Proxy.revocable({}, {}); p.revoke(); return p.proxy; })()] }, /input.*revoked/],
  ])('%s: the call is skipped and counted, the caller sees nothing', async (_name, overrides, reason) => {
    const stream = new CollectingWritable();
    const recorder = createRecorder({ to: stream });
    expect(() => recorder.record(succeeded(overrides))).not.toThrow();
    recorder.record(succeeded({ input: ['fine'] }));
    expect(await recorder.flush()).toMatchObject({ calls: 2, written: 1, unserialisable: 1, pending: 0 });
    expect(stream.lines().map((line) => line.input)).toEqual([['fine']]);
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]![0]).toMatch(/experiment 'Svc\.answer'/);
    expect(warn.mock.calls[0]![0]).toMatch(reason);
  });

  it('warns once per experiment, naming it, and counts every skipped call', async () => {
    const recorder = createRecorder({ to: new CollectingWritable() });
    for (let i = 0; i < 5; i++) recorder.record(succeeded({ input: [BigInt(i)] }));
    for (let i = 0; i < 3; i++) recorder.record(succeeded({ experiment: 'Other.run', value: 1n }));
    expect(await recorder.flush()).toMatchObject({ calls: 8, unserialisable: 8, written: 0 });
    expect(warn.mock.calls.map(([message]) => message)).toEqual([
      expect.stringMatching(/^\[spearmint\] recording skipped a call of experiment 'Svc\.answer': its arguments \(input\)/),
      expect.stringMatching(/^\[spearmint\] recording skipped a call of experiment 'Other\.run': main's value \(expected\)/),
    ]);
  });

  it('writes what JSON keeps as is: Dates as ISO strings, class instances as their fields, nulls', async () => {
    class Point {
      constructor(readonly x: number, readonly y: number) {}
    }
    const stream = new CollectingWritable();
    const recorder = createRecorder({ to: stream });
    recorder.record(succeeded({ input: [new Date(0), new Point(1, 2), null], value: [undefined, 'a'] }));
    await recorder.flush();
    expect(stream.lines()[0]).toMatchObject({ input: ['1970-01-01T00:00:00.000Z', { x: 1, y: 2 }, null], expected: [null, 'a'] });
  });
});

describe('redact', () => {
  it('writes the record redact returns, given a copy: the caller’s objects are never touched', async () => {
    const stream = new CollectingWritable();
    const user = { email: 'ada@example.com', plan: 'pro' };
    const recorder = createRecorder({
      to: stream,
      redact: (record) => {
        const [profile] = record.input as [{ email?: string }];
        delete profile.email;
        return { ...record, meta: { ...record.meta, configId: 'renamed' } };
      },
    });
    recorder.record(succeeded({ input: [user] }));
    await recorder.flush();
    expect(user).toEqual({ email: 'ada@example.com', plan: 'pro' });
    expect(stream.lines()[0]).toMatchObject({ input: [{ plan: 'pro' }], meta: { configId: 'renamed' } });
  });

  it('skips a call when it returns undefined (counted as skipped, no warning)', async () => {
    const stream = new CollectingWritable();
    const recorder = createRecorder({ to: stream, redact: (record) => (record.meta.ok ? record : undefined) });
    recorder.record(succeeded());
    recorder.record({ ...succeeded(), ok: false, error: new Error('x') });
    expect(await recorder.flush()).toMatchObject({ calls: 2, written: 1, skipped: 1 });
    expect(warn).not.toHaveBeenCalled();
  });

  it.each([
    ['throws', () => { throw new Error('redact bug'); }, /redact threw Error: redact bug/],
    ['returns a promise', async (record: CallRecord) => record, /redact returned a promise/],
    ['returns a string', () => 'nope', /redact returned "nope" \(string\)/],
    ['returns a record without input', () => ({ id: 'x' }), /redact returned an object/],
    ['returns a BigInt in the record', (record: CallRecord) => ({ ...record, input: [1n] }), /cannot be written as JSON.*BigInt/],
    ['returns a record whose then getter throws', () => ({ input: [], get then(): never { throw new Error('then getter'); } }), /then getter/],
  ])('when it %s, the call is skipped, counted and warned about once per experiment', async (_name, redact, reason) => {
    const recorder = createRecorder({ to: new CollectingWritable(), redact: redact as never });
    recorder.record(succeeded());
    recorder.record(succeeded());
    expect(await recorder.flush()).toMatchObject({ calls: 2, written: 0, redactFailed: 2 });
    expect(warn).toHaveBeenCalledTimes(1);
    expect(warn.mock.calls[0]![0]).toMatch(/experiment 'Svc\.answer'/);
    expect(warn.mock.calls[0]![0]).toMatch(reason);
  });
});
