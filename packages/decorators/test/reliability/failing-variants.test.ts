import { Config, ExecutionInfo, run, arun, Spearmint } from '@spearmint/decorators';

const failures: Array<[string, () => unknown]> = [
  ['throws synchronously', () => {
    throw new Error('sync throw');
  }],
  ['throws before its first await', async () => {
    throw new Error('early async throw');
  }],
  ['rejects later', async () => {
    await new Promise((r) => setTimeout(r, 2));
    throw new Error('late rejection');
  }],
  ['rejects with a string', () => Promise.reject('a string')],
  ['rejects with undefined', () => Promise.reject(undefined)],
  ['rejects with null', () => Promise.reject(null)],
  ['rejects with a plain object', () => Promise.reject({ code: 42 })],
  ['returns a rejecting thenable', () => ({ then: (_ok: unknown, fail: (e: unknown) => void) => fail('thenable') })],
];

describe.each(failures)('a variant that %s', (_label, fail) => {
  function setup() {
    const errors: Array<[unknown, ExecutionInfo]> = [];
    const mint = new Spearmint({ configs: [{ id: 'main' }, { id: 'bad' }], onError: (error, info) => void errors.push([error, info]) });
    const fn = mint.experiment({ name: 'fn' })((value: number, config?: Config) => (config!.id === 'bad' ? fail() : value * 2));
    return { mint, fn, errors };
  }

  it('never reaches the caller of a direct call; onError gets it', async () => {
    const { mint, fn, errors } = setup();
    for (let i = 0; i < 5; i++) expect(await fn(i)).toBe(i * 2);
    const stats = await mint.drain();
    expect(stats).toMatchObject({ started: 5, failed: 5, succeeded: 0, inFlight: 0 });
    expect(errors).toHaveLength(5);
    expect(errors.every(([, info]) => info.role === 'variant' && info.background && info.configId === new Config({ id: 'bad' }).config_id)).toBe(true);
  });

  it('is stored in its FunctionResult when awaited, not sent to onError', async () => {
    const { mint, fn, errors } = setup();
    const results = await arun(fn, true, (runner) => runner(3));
    expect(results.mainResult).toMatchObject({ ok: true, result: 6 });
    expect(results.variantResults[0]).toMatchObject({ ok: false, result: undefined });
    expect('error' in results.variantResults[0]!).toBe(true);
    await mint.drain();
    expect(errors).toEqual([]);
  });
});

it('a sync experiment whose variant throws still answers run() synchronously', () => {
  const mint = new Spearmint({ configs: [{ id: 'main' }, { id: 'bad' }] });
  const fn = mint.experiment({ name: 'fn' })((config?: Config) => {
    if (config!.id === 'bad') throw new SyntaxError('bad variant');
    return 'ok';
  });
  const results = run(fn, true, (runner) => runner());
  expect(results.mainResult.result).toBe('ok');
  expect(results.variantResults[0]!.error).toBeInstanceOf(SyntaxError);
});
