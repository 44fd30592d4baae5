import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { Config, run, Spearmint, strategies, withContext, RuntimeContext, SpearmintError } from '@spearmint/decorators';
import { assign, assignments } from '../fixtures/weighted-assignments';

const root = join(__dirname, '..', '..', '..', '..');

describe('strategies on experiments', () => {
  const configs = [{ config_id: 'a' }, { config_id: 'b' }, { config_id: 'c' }];

  it('roundRobin() rotates main call by call, starting with the first config', async () => {
    const mint = new Spearmint({ configs, strategy: strategies.roundRobin(), maxBackgroundVariants: 0 });
    class Svc {
      @mint.experiment()
      pick(config?: Config): string {
        return config!.config_id;
      }
    }
    const svc = new Svc();
    expect(Array.from({ length: 7 }, () => svc.pick())).toEqual(['a', 'b', 'c', 'a', 'b', 'c', 'a']);
    const results = run(svc.pick.bind(svc), true, (runner) => runner());
    expect(results.mainResult.result).toBe('b');
    expect(results.variantResults.map((v) => v.result)).toEqual(['a', 'c']);
  });

  it('single runs no variants', () => {
    const mint = new Spearmint({ configs, strategy: strategies.single });
    const fn = mint.experiment({ name: 'fn' })((config?: Config) => config!.config_id as string);
    const results = run(fn, true, (runner) => runner());
    expect([results.mainResult.result, results.variantResults]).toEqual(['a', []]);
    fn();
    expect(mint.stats().started).toBe(0);
  });

  it('an experiment strategy overrides the instance one; a custom strategy is a plain function', () => {
    const seen: string[] = [];
    const last = (cs: readonly Config[], ctx: RuntimeContext): [Config, Config[]] => {
      seen.push(`${ctx.experiment}:${ctx.get('tenant')}`);
      return [cs[cs.length - 1]!, []];
    };
    const mint = new Spearmint({ configs, strategy: strategies.single });
    const fn = mint.experiment({ name: 'custom', strategy: last })((config?: Config) => config!.config_id as string);
    expect(withContext({ tenant: 't1' }, () => fn())).toBe('c');
    expect(seen).toEqual(['custom:t1']);
  });

  it('weighted 50/50 gives each config 40-60 % of 1,000 users, sticky over 50 calls', () => {
    const assigned = assignments();
    const share = assigned.filter((id) => id === 'control').length / assigned.length;
    expect(share).toBeGreaterThanOrEqual(0.4);
    expect(share).toBeLessThanOrEqual(0.6);
    for (const user of ['user-1', 'user-77', 'user-999']) {
      const first = withContext({ userId: user }, () => assign());
      for (let i = 0; i < 50; i++) expect(withContext({ userId: user }, () => assign())).toBe(first);
    }
    expect(assign()).toBe('control'); // no key value: the first config
  });

  it('weighted assigns the same users the same configs in two separate processes', async () => {
    const exec = promisify(execFile);
    const script = join(__dirname, '..', 'fixtures', 'print-weighted-assignments.ts');
    const tsx = join(root, 'node_modules', '.bin', 'tsx');
    const [one, two] = await Promise.all([exec(tsx, [script], { cwd: root }), exec(tsx, [script], { cwd: root })]);
    const first = JSON.parse(one.stdout) as string[];
    expect(first).toHaveLength(1000);
    expect(JSON.parse(two.stdout)).toEqual(first);
    expect(first).toEqual(assignments());
  }, 30_000);

  it('weighted with the wrong number of weights fails at set-up, naming the experiment', () => {
    const mint = new Spearmint({ configs, strategy: strategies.weighted({ weights: [1, 1], key: 'userId' }) });
    expect(() => mint.experiment({ name: 'checkout' })(() => 1)).toThrow(SpearmintError);
    expect(() => mint.experiment({ name: 'checkout' })(() => 1)).toThrow(/'checkout' has 3 configs but 2 weights/);
  });
});
