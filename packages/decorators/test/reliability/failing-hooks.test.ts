import { Config, Spearmint } from '@spearmint/decorators';

describe('hooks that fail', () => {
  let errorSpy: jest.SpyInstance;
  beforeEach(() => {
    errorSpy = jest.spyOn(console, 'error').mockImplementation(() => undefined);
  });
  afterEach(() => errorSpy.mockRestore());

  it.each([
    ['throws', () => {
      throw new Error('hook threw');
    }],
    ['rejects', async () => {
      throw new Error('hook rejected');
    }],
    ['rejects with a non-Error', () => Promise.reject('nope')],
  ])('an onResult hook that %s is contained and logged', async (_label, hook) => {
    const mint = new Spearmint({ configs: [{ id: 'm' }, { id: 'v' }], onResult: hook });
    const fn = mint.experiment({ name: 'fn' })(async (config?: Config) => config!.id as string);
    expect(await fn()).toBe('m');
    const stats = await mint.drain();
    expect(stats).toMatchObject({ succeeded: 1, inFlight: 0 });
    expect(errorSpy).toHaveBeenCalledTimes(2); // main and variant
    expect(String(errorSpy.mock.calls[0]![0])).toMatch(/hook .*contained/);
  });

  it('failing onError and onDrop hooks are contained too', async () => {
    const mint = new Spearmint({
      configs: [{ id: 'm' }, { id: 'v' }],
      maxBackgroundVariants: 0,
      onDrop: () => {
        throw new Error('onDrop threw');
      },
    });
    const fn = mint.experiment({ name: 'fn' })(() => 1);
    expect(fn()).toBe(1);
    expect((await mint.drain()).dropped).toBe(1);

    const mint2 = new Spearmint({
      configs: [{ id: 'm' }, { id: 'v' }],
      onError: async () => Promise.reject(new Error('onError rejected')),
    });
    const fn2 = mint2.experiment({ name: 'fn2' })((config?: Config) => {
      if (config!.id === 'v') throw new Error('variant');
      return 2;
    });
    expect(fn2()).toBe(2);
    expect((await mint2.drain()).failed).toBe(1);
    expect(errorSpy).toHaveBeenCalledTimes(2);
  });

  it('drain() waits for slow async hooks', async () => {
    let finished = false;
    const mint = new Spearmint({
      configs: [{ id: 'm' }],
      onResult: async () => {
        await new Promise((r) => setTimeout(r, 30));
        finished = true;
      },
    });
    mint.experiment({ name: 'fn' })(() => 1)();
    await mint.drain();
    expect(finished).toBe(true);
  });
});
