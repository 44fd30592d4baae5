import { arun, type CallRecord, type Config, evaluate, matchesExpected, run, Spearmint } from '@spearmint/decorators';

import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { takeUnhandledEvents } from '../../../../test-setup/fail-on-unhandled';
import { CollectingWritable, readLines } from '../../../core/test/recording/recording-helpers';

const configs = [{ config_id: 'main', rate: 2 }, { config_id: 'shadow', rate: 3 }];
let dir: string;

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'spearmint-record-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

function pricing(mint: Spearmint) {
  class Pricing {
    @mint.experiment()
    price(item: { sku: string; quantity: number }, config?: Config<{ rate: number }>): { total: number } {
      if (item.quantity < 0) throw new RangeError(`negative quantity for ${item.sku}`);
      return { total: item.quantity * config!.rate };
    }

    @mint.experiment()
    async priceLater(quantity: number, config?: Config<{ rate: number }>): Promise<number> {
      await new Promise((resolve) => setImmediate(resolve));
      return quantity * config!.rate;
    }
  }
  return new Pricing();
}

describe('the record option: entry calls become dataset records', () => {
  it('records direct and runner calls, ok or failed, with the arguments (no injected config) and main’s value as it was returned', async () => {
    const to = join(dir, 'calls.jsonl');
    const mint = new Spearmint({ configs, record: { to }, onError: () => undefined });
    const svc = pricing(mint);
    const returned = svc.price({ sku: 'tea', quantity: 2 });
    returned.total = 1_000; // a caller changing the value later does not change the record
    expect(() => svc.price({ sku: 'tea', quantity: -1 })).toThrow(RangeError);
    expect(await svc.priceLater(5)).toBe(10);
    run(svc.price.bind(svc), (runner) => runner({ sku: 'mug', quantity: 1 }));
    await arun(svc.priceLater.bind(svc), true, (runner) => runner(7));
    await mint.drain();

    const lines = readLines(to) as unknown as CallRecord[];
    const byInput = (input: unknown) => lines.find((line) => JSON.stringify(line.input) === JSON.stringify(input))!;
    expect(lines).toHaveLength(5);
    expect(byInput([{ sku: 'tea', quantity: 2 }])).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      input: [{ sku: 'tea', quantity: 2 }],
      expected: { total: 4 },
      meta: { experiment: 'Pricing.price', configId: 'main', ok: true, durationMs: expect.any(Number), timestamp: expect.stringMatching(/^\d{4}-\d\d-\d\dT/) },
    });
    expect(byInput([{ sku: 'tea', quantity: -1 }])).toMatchObject({
      meta: { ok: false, error: { name: 'RangeError', message: 'negative quantity for tea' } },
    });
    expect(byInput([{ sku: 'tea', quantity: -1 }])).not.toHaveProperty('expected');
    expect(byInput([5])).toMatchObject({ expected: 10, meta: { experiment: 'Pricing.priceLater', configId: 'main' } });
    expect(byInput([{ sku: 'mug', quantity: 1 }])).toMatchObject({ expected: { total: 2 } });
    expect(byInput([7])).toMatchObject({ expected: 14 });
  });

  it("the experiment's record wins over the instance's; record: false records nothing; variants and nested calls are never recorded", async () => {
    const shared = new CollectingWritable();
    const own = new CollectingWritable();
    const mint = new Spearmint({ configs, record: { to: shared } });
    const inner = mint.experiment({ name: 'inner' })((x: number, config?: Config<{ rate: number }>) => x * config!.rate);
    const outer = mint.experiment({ name: 'outer', record: { to: own } })((x: number, config?: Config<{ rate: number }>) => inner(x) + config!.rate);
    const silent = mint.experiment({ name: 'silent', record: false })((x: number, config?: Config<{ rate: number }>) => x * config!.rate);
    expect(outer(1)).toBe(4);
    expect(silent(1)).toBe(2);
    expect(inner(1)).toBe(2);
    await mint.drain();
    expect(own.lines()).toEqual([
      expect.objectContaining({ input: [1], expected: 4, meta: expect.objectContaining({ experiment: 'outer', configId: 'main', configIds: { outer: 'main', inner: 'main' } }) }),
    ]);
    expect(shared.lines()).toEqual([expect.objectContaining({ input: [1], expected: 2, meta: expect.objectContaining({ experiment: 'inner' }) })]);
  });

  it('record.sampleRate picks calls at random; redact sees each picked one and can drop it', async () => {
    const stream = new CollectingWritable();
    let picked = 0;
    const mint = new Spearmint({
      configs,
      record: {
        to: stream,
        sampleRate: 0.2,
        redact: (record) => (++picked % 2 === 0 ? undefined : { ...record, input: ['<redacted>'] }),
      },
    });
    const svc = pricing(mint);
    for (let i = 0; i < 2_000; i++) svc.price({ sku: `s${i}`, quantity: i });
    await mint.drain();
    // mean 400, sd ≈ 17.9: ± 5 sd
    expect(picked).toBeGreaterThan(310);
    expect(picked).toBeLessThan(490);
    const lines = stream.lines();
    expect(lines).toHaveLength(Math.ceil(picked / 2));
    expect(new Set(lines.map((line) => JSON.stringify(line.input)))).toEqual(new Set(['["<redacted>"]']));
  });

  it('10,000 concurrent calls: every one is a well-formed line or counted in recordsDropped, and nothing is unhandled', async () => {
    const warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined); // "cannot keep up", once
    const to = join(dir, 'load.jsonl');
    const mint = new Spearmint({ configs, maxBackgroundVariants: 50, record: { to, maxBufferedBytes: 64 * 1024 } });
    const svc = pricing(mint);
    const values = await Promise.all(Array.from({ length: 10_000 }, (_, i) => svc.priceLater(i)));
    expect(values[9_999]).toBe(19_998);
    const stats = await mint.drain(Infinity);
    const lines = readLines(to) as unknown as CallRecord[];
    expect(lines.length + stats.recordsDropped).toBe(10_000);
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line.expected).toBe((line.input[0] as number) * 2);
    expect(new Set(lines.map((line) => line.id)).size).toBe(lines.length);
    expect(takeUnhandledEvents()).toEqual([]);
    expect(warn.mock.calls.length).toBeLessThanOrEqual(1);
    warn.mockRestore();
  });

  describe('what goes wrong in recording stays there', () => {
    let warn: jest.SpyInstance;
    beforeEach(() => {
      warn = jest.spyOn(console, 'warn').mockImplementation(() => undefined);
    });
    afterEach(() => warn.mockRestore());

    const devFull = existsSync('/dev/full') ? it : it.skip; // Linux only: a device that fails every write with ENOSPC
    devFull('a full disk never reaches the caller: the lines are dropped and counted', async () => {
      const mint = new Spearmint({ configs, record: { to: '/dev/full' } });
      const svc = pricing(mint);
      for (let i = 0; i < 20; i++) expect(svc.price({ sku: 'tea', quantity: i })).toEqual({ total: i * 2 });
      expect(await svc.priceLater(1)).toBe(2);
      expect((await mint.drain()).recordsDropped).toBe(21);
      expect(warn).toHaveBeenCalledWith(expect.stringContaining('/dev/full'));
    });

    it('a closed or erroring stream never reaches the caller either', async () => {
      const closed = new CollectingWritable();
      closed.destroy();
      const failing = new Writable({ write: (_chunk, _encoding, callback) => callback(new Error('socket hang up')) });
      for (const to of [closed, failing]) {
        const mint = new Spearmint({ configs, record: { to } });
        const svc = pricing(mint);
        expect(svc.price({ sku: 'tea', quantity: 1 })).toEqual({ total: 2 });
        expect(await svc.priceLater(1)).toBe(2);
        expect((await mint.drain()).recordsDropped).toBe(2);
      }
      expect(takeUnhandledEvents()).toEqual([]);
    });

    it('values JSON cannot hold are skipped with one warning naming the experiment; the call is unaffected', async () => {
      const stream = new CollectingWritable();
      const mint = new Spearmint({ configs, record: { to: stream } });
      const big = mint.experiment({ name: 'Ledger.total' })((x: bigint, config?: Config<{ rate: number }>) => x * BigInt(config!.rate));
      expect(big(2n)).toBe(4n);
      expect(big(3n)).toBe(6n);
      await mint.drain();
      expect(stream.lines()).toEqual([]);
      expect(warn).toHaveBeenCalledTimes(1);
      expect(String(warn.mock.calls[0]![0])).toContain("'Ledger.total'");
    });
  });

  it('drain() flushes and closes the file; later calls open it again; evaluate() never records', async () => {
    const to = join(dir, 'calls.jsonl');
    const mint = new Spearmint({ configs, record: { to } });
    const svc = pricing(mint);
    svc.price({ sku: 'a', quantity: 1 });
    await mint.drain();
    expect(readLines(to)).toHaveLength(1);
    const result = await evaluate(svc.price.bind(svc), to, { evaluators: { same: matchesExpected() } });
    expect(result.configs.map((config) => [config.configId, config.metrics['same']!.mean])).toEqual([['main', 1], ['shadow', 0]]);
    await mint.drain();
    expect(readLines(to)).toHaveLength(1);
    svc.price({ sku: 'b', quantity: 1 });
    await mint.drain();
    expect(readLines(to).map((line) => line.input)).toEqual([[{ sku: 'a', quantity: 1 }], [{ sku: 'b', quantity: 1 }]]);
  });

  it('bad record options are a TypeError when the instance or the experiment is set up', () => {
    expect(() => new Spearmint({ record: { to: 42 as never } })).toThrow('Expected `record.to` to be a file path (string or file: URL) or a writable stream, got 42 (number).');
    expect(() => new Spearmint({ configs }).experiment({ name: 'x', record: { to: join(dir, 'x.jsonl'), sampleRate: 2 } })((x: number) => x)).toThrow(
      'Expected `record.sampleRate` to be a number from 0 to 1, got 2 (number).',
    );
  });
});
