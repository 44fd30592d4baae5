import { Config, currentCase, RuntimeContext, Spearmint, withContext } from '@spearmint/decorators';

// Reads request values the way a strategy does.
const request = new RuntimeContext('probe');

it('10,000 concurrent calls, their variants and nested calls never see each other', async () => {
  const mint = new Spearmint({ configs: [{ id: 'main' }, { id: 'v1' }, { id: 'v2' }], maxBackgroundVariants: Infinity });
  const mismatches: string[] = [];
  const inner = mint.experiment({ name: 'inner', configs: [{ tag: 'x' }] })(async function inner(n: number, config?: Config) {
    await new Promise((r) => setTimeout(r, n % 3));
    return `${n}:${config!.tag}`;
  });
  class Handler {
    @mint.experiment()
    async handle(n: number, config?: Config<{ id: string }>): Promise<string> {
      const myCase = currentCase()!;
      await new Promise((r) => setTimeout(r, n % 7));
      const nested = await inner(n);
      if (currentCase() !== myCase) mismatches.push(`case of ${n}`);
      if (myCase.getConfig('Handler.handle') !== config) mismatches.push(`config of ${n}`);
      if (request.get('user') !== `user-${n}`) mismatches.push(`request context of ${n}`);
      if (nested !== `${n}:x`) mismatches.push(`nested result of ${n}`);
      return config!.id;
    }
  }
  const handler = new Handler();
  const answers = await Promise.all(Array.from({ length: 10_000 }, (_, n) => withContext({ user: `user-${n}` }, () => handler.handle(n))));
  expect(answers.every((a) => a === 'main')).toBe(true);
  const stats = await mint.drain();
  expect(stats).toMatchObject({ started: 20_000, succeeded: 20_000, failed: 0, inFlight: 0 });
  expect(mismatches).toEqual([]);
}, 180_000); // CPU-bound: ~2 s on a quiet machine, much longer on a loaded one; a guard, not a timing check
