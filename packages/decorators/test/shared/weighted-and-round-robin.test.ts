import { Config, InvalidWeightsError, run, Spearmint, strategies, withContext } from '@spearmint/decorators';
import { binomialInterval } from '../../../core/test/helpers/distribution';

const threeArms = [{ config_id: 'control' }, { config_id: 'new-checkout' }, { config_id: 'legacy' }];

describe('strategies.weighted on experiments', () => {
  it('shadow: false is a plain A/B split: one execution per call, no variants at all', async () => {
    const calls: string[] = [];
    const mint = new Spearmint({ configs: threeArms, strategy: strategies.weighted({ weights: [90, 5, 5], key: 'userId', shadow: false }) });
    class Prompt {
      @mint.experiment()
      ask(question: string, config?: Config): string {
        calls.push(config!.config_id);
        return `${config!.config_id}: ${question}`;
      }
    }
    const prompt = new Prompt();
    for (let user = 0; user < 50; user++) withContext({ userId: `user-${user}` }, () => prompt.ask('hi'));
    expect(calls).toHaveLength(50);
    const results = withContext({ userId: 'user-1' }, () => run(prompt.ask.bind(prompt), true, (runner) => runner('hi')));
    expect(results.variantResults).toEqual([]);
    expect(await mint.drain()).toMatchObject({ started: 0, dropped: 0 });
  });

  it('shadow: true (the default) runs every other config as a variant', () => {
    const mint = new Spearmint({ configs: threeArms, strategy: strategies.weighted({ weights: [90, 5, 5], key: 'userId' }) });
    const ask = mint.experiment({ name: 'ask' })((config?: Config) => config!.config_id);
    const results = withContext({ userId: 'user-1' }, () => run(ask, true, (runner) => runner()));
    expect(results.variantResults).toHaveLength(2);
  });

  it('takes weights keyed by config_id, as the same weights in config order', () => {
    const byId = new Spearmint({ configs: threeArms, strategy: strategies.weighted({ weights: { legacy: 0, control: 1, 'new-checkout': 3 }, key: 'userId', shadow: false }) });
    const inOrder = new Spearmint({ configs: threeArms, strategy: strategies.weighted({ weights: [1, 3, 0], key: 'userId', shadow: false }) });
    const a = byId.experiment({ name: 'Checkout.price' })((config?: Config) => config!.config_id);
    const b = inOrder.experiment({ name: 'Checkout.price' })((config?: Config) => config!.config_id);
    const users = Array.from({ length: 400 }, (_, i) => `user-${i}`);
    const picked = users.map((user) => withContext({ userId: user }, () => a()));
    expect(picked).toEqual(users.map((user) => withContext({ userId: user }, () => b())));
    expect(new Set(picked)).toEqual(new Set(['control', 'new-checkout'])); // weight 0: never main
  });

  it('weights that name no config, or miss one, fail at set-up naming both lists', () => {
    const mint = new Spearmint({ configs: threeArms });
    const strategy = strategies.weighted({ weights: { control: 90, 'new-chekout': 10 }, key: 'userId' });
    const decorate = () => {
      class Checkout {
        @mint.experiment({ strategy })
        price(config?: Config): string {
          return config!.config_id;
        }
      }
      return Checkout;
    };
    expect(decorate).toThrow(InvalidWeightsError);
    expect(decorate).toThrow(
      /'new-chekout' is no config_id of it, and 'new-checkout', 'legacy' have no weight \(its configs: 'control', 'new-checkout', 'legacy'; the weights: \{ "control": 90, "new-chekout": 10 \}\)/,
    );
    expect(() => new Spearmint({ configs: threeArms, strategy: strategies.weighted({ weights: [1, 1], key: 'userId' }) }).experiment({ name: 'x' })(
      (config?: Config) => config,
    )).toThrow(/'x' has 3 configs but 2 weights/);
  });

  it('spreads sequential ids: each block of 100 users within the binomial 99.9 % interval of a 90/10 split', () => {
    const mint = new Spearmint({
      configs: [{ config_id: 'control' }, { config_id: 'treatment' }],
      strategy: strategies.weighted({ weights: [90, 10], key: 'userId', shadow: false }),
    });
    class Checkout {
      @mint.experiment({ name: 'Checkout.price' })
      price(config?: Config): string {
        return config!.config_id;
      }
    }
    const checkout = new Checkout();
    const [low, high] = binomialInterval(100, 0.1, 0.999);
    const treated: number[] = [];
    for (let block = 0; block < 100; block++) {
      let count = 0;
      for (let i = 1; i <= 100; i++) if (withContext({ userId: block * 100 + i }, () => checkout.price()) === 'treatment') count++;
      treated.push(count);
    }
    expect(treated.filter((count) => count < low || count > high)).toEqual([]);
  });
});

describe('strategies.roundRobin on experiments', () => {
  it('keeps one counter per experiment object, even for two experiments of the same name', () => {
    const mint = new Spearmint({ configs: threeArms, strategy: strategies.roundRobin({ shadow: false }) });
    const first = mint.experiment({ name: 'Same.name' })((config?: Config) => config!.config_id);
    const second = mint.experiment({ name: 'Same.name' })((config?: Config) => config!.config_id);
    expect([first(), first(), second(), first(), second()]).toEqual(['control', 'new-checkout', 'control', 'legacy', 'new-checkout']);
  });

  it('shadow: false runs main only', async () => {
    const calls: string[] = [];
    const mint = new Spearmint({ configs: threeArms, strategy: strategies.roundRobin({ shadow: false }) });
    class Svc {
      @mint.experiment()
      pick(config?: Config): string {
        calls.push(config!.config_id);
        return config!.config_id;
      }
    }
    const svc = new Svc();
    expect([svc.pick(), svc.pick(), svc.pick(), svc.pick()]).toEqual(['control', 'new-checkout', 'legacy', 'control']);
    expect(run(svc.pick.bind(svc), true, (runner) => runner()).variantResults).toEqual([]);
    expect(await mint.drain()).toMatchObject({ started: 0 });
    expect(calls).toHaveLength(5);
  });
});
