import { Config, currentCase, DynamicValue, Spearmint } from '@spearmint/decorators';

it('keeps 2,000 concurrent async calls apart: each sees its own case and config', async () => {
  const mint = new Spearmint({ configs: [{ slot: new DynamicValue([0, 1, 2, 3]) }] });
  class Worker {
    @mint.experiment({ configs: [{ kind: 'only' }] })
    async work(i: number, config?: Config<{ kind: string }>): Promise<[number, string, string]> {
      const before = currentCase()!;
      await new Promise((r) => setTimeout(r, Math.random() * 10));
      const after = currentCase()!;
      expect(after).toBe(before);
      return [i, config!.kind, after.getConfigId('Worker.work')];
    }
  }
  const worker = new Worker();
  const explicit = (i: number) => new Config({ kind: `k${i}` });
  const outputs = await Promise.all(
    Array.from({ length: 2000 }, (_, i) => (i % 2 === 0 ? worker.work(i) : worker.work(i, explicit(i)))),
  );
  outputs.forEach(([i, kind, id], index) => {
    expect(i).toBe(index);
    expect(kind).toBe(index % 2 === 0 ? 'only' : `k${index}`);
    expect(id).toBe(new Config({ kind: 'only' }).config_id);
  });
  expect(currentCase()).toBeUndefined();
});

it('gives main and every background variant their own case', async () => {
  const seen = new Map<string, string>();
  const mint = new Spearmint({ configs: [{ id: 'a' }, { id: 'b' }, { id: 'c' }] });
  const fn = mint.experiment()(async function fn(n: number, config?: Config) {
    await new Promise((r) => setTimeout(r, Math.random() * 5));
    seen.set(`${n}:${config!.id}`, currentCase()!.getConfig(fn).id);
  });
  await Promise.all(Array.from({ length: 30 }, (_, n) => fn(n)));
  await mint.drain();
  expect(seen.size).toBe(90);
  for (const [key, id] of seen) expect(key.endsWith(`:${id}`)).toBe(true);
});
