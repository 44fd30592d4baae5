// The benchmark cases. Each is a trivial function (n + 1) run plainly, inside one
// AsyncLocalStorage.run (the floors Spearmint is measured against), through Spearmint, and
// through peer libraries doing the same job.
import { AsyncLocalStorage } from 'node:async_hooks';
import { Writable } from 'node:stream';
import { GrowthBook } from '@growthbook/growthbook';
import Scientist from 'scientist';
import { arun, Config, run, Spearmint } from '@spearmint/decorators';
import type { MeasureOptions, Operation } from './harness';

export interface BenchCase {
  /** `sync` cases are compared with the sync floors, `async` ones with the async floors. */
  kind: 'sync' | 'async';
  group: 'floor' | 'baseline' | 'spearmint' | 'peer';
  setup(): { op: Operation; options?: MeasureOptions };
}

const one = [{ n: 1 }];
const three = [{ n: 1 }, { n: 1, v: 'b' }, { n: 1, v: 'c' }];

function addOne(x: number): number {
  return x + 1;
}
async function addOneAsync(x: number): Promise<number> {
  return x + 1;
}

/** The floor: one AsyncLocalStorage.run with a preallocated store and a module-level function (no closure, no allocation). */
const floorStorage = new AsyncLocalStorage<object>();
const floorStore = {};

/** Stage-3-decorated methods, called bound (as a callback would). */
function service(mint: Spearmint) {
  class Service {
    @mint.experiment()
    add(x: number, config?: Config<{ n: number }>): number {
      return x + config!.n;
    }
    @mint.experiment()
    async addAsync(x: number, config?: Config<{ n: number }>): Promise<number> {
      return x + config!.n;
    }
  }
  const svc = new Service();
  return { add: svc.add.bind(svc), addAsync: svc.addAsync.bind(svc) };
}

/** A plain function made an experiment (`mint.experiment()(fn)`). */
function plainFunction(mint: Spearmint) {
  return mint.experiment()(function add(x: number, config?: Config<{ n: number }>): number {
    return x + config!.n;
  });
}

/** A method decorated in the legacy shape, as `experimentalDecorators` (NestJS) compiles it, called on its instance. */
function legacyService(mint: Spearmint) {
  class Service {
    add(x: number, config?: Config<{ n: number }>): number {
      return x + config!.n;
    }
  }
  const descriptor = Object.getOwnPropertyDescriptor(Service.prototype, 'add')!;
  const decorate = mint.experiment() as unknown as (target: object, key: string, descriptor: PropertyDescriptor) => PropertyDescriptor;
  Object.defineProperty(Service.prototype, 'add', decorate(Service.prototype, 'add', descriptor));
  return new Service();
}

class Plain {
  add(x: number): number {
    return x + 1;
  }
  async addAsync(x: number): Promise<number> {
    return x + 1;
  }
}

// At most 2 variants per call × 40 calls per batch stay under the default bound of 100, and the
// untimed drain between batches runs them: no variant is dropped, none piles up.
const drained = (mint: Spearmint): MeasureOptions => ({ batch: 40, afterBatch: () => mint.drain() });

export const cases: Record<string, BenchCase> = {
  'floor: als.run(store, f, x) (sync)': { kind: 'sync', group: 'floor', setup: () => ({ op: (i) => floorStorage.run(floorStore, addOne, i) }) },
  'floor: als.run(store, f, x) (async)': { kind: 'async', group: 'floor', setup: () => ({ op: (i) => floorStorage.run(floorStore, addOneAsync, i) }) },
  'closure floor: ALS.run({}, () => f(x)) (sync)': {
    kind: 'sync',
    group: 'floor',
    setup: () => {
      const als = new AsyncLocalStorage<object>();
      const p = new Plain();
      return { op: (i) => als.run({}, () => p.add(i)) };
    },
  },
  'closure floor: ALS.run({}, () => f(x)) (async)': {
    kind: 'async',
    group: 'floor',
    setup: () => {
      const als = new AsyncLocalStorage<object>();
      const p = new Plain();
      return { op: (i) => als.run({}, () => p.addAsync(i)) };
    },
  },
  'plain call (sync)': { kind: 'sync', group: 'baseline', setup: () => ((p) => ({ op: (i) => p.add(i) }))(new Plain()) },
  'plain call (async)': { kind: 'async', group: 'baseline', setup: () => ((p) => ({ op: (i) => p.addAsync(i) }))(new Plain()) },
  'direct call, 1 config, plain function (sync)': { kind: 'sync', group: 'spearmint', setup: () => ({ op: plainFunction(new Spearmint({ configs: one })) }) },
  'direct call, 1 config, plain function, openTelemetry: false (sync)': {
    kind: 'sync',
    group: 'spearmint',
    setup: () => ({ op: plainFunction(new Spearmint({ configs: one, openTelemetry: false })) }),
  },
  'direct call, 1 config, legacy-decorated method (sync)': {
    kind: 'sync',
    group: 'spearmint',
    setup: () => ((svc) => ({ op: (i) => svc.add(i) }))(legacyService(new Spearmint({ configs: one }))),
  },
  'direct call, 1 config, stage-3 method, bound (sync)': { kind: 'sync', group: 'spearmint', setup: () => ({ op: service(new Spearmint({ configs: one })).add }) },
  'direct call, 1 config (async)': { kind: 'async', group: 'spearmint', setup: () => ({ op: service(new Spearmint({ configs: one })).addAsync }) },
  'direct call, main + 2 background variants: return to caller (async)': {
    kind: 'async',
    group: 'spearmint',
    setup: () => {
      const mint = new Spearmint({ configs: three });
      return { op: service(mint).addAsync, options: drained(mint) };
    },
  },
  'direct call, main + 2 background variants: total incl. variants (async)': {
    kind: 'async',
    group: 'spearmint',
    setup: () => {
      // The drain is timed too: 40 calls, then every variant they started; divided by 40.
      const mint = new Spearmint({ configs: three });
      const { addAsync } = service(mint);
      let n = 0;
      return { op: async (i) => (await addAsync(i)) + (++n % 40 === 0 ? (await mint.drain()).inFlight : 0), options: { batch: 40 } };
    },
  },
  'direct call, main + 2 variants, sampled out (sampleRate: 0), plain function (sync)': {
    kind: 'sync',
    group: 'spearmint',
    setup: () => ({ op: plainFunction(new Spearmint({ configs: three, sampleRate: 0 })) }),
  },
  'direct call, main + 2 variants, sampleRate: 0.01, plain function (sync)': {
    kind: 'sync',
    group: 'spearmint',
    setup: () => {
      const mint = new Spearmint({ configs: three, sampleRate: 0.01 });
      return { op: plainFunction(mint), options: drained(mint) };
    },
  },
  'direct call, main + 2 variants, sampled out (sampleRate: 0) (async)': {
    kind: 'async',
    group: 'spearmint',
    setup: () => ({ op: service(new Spearmint({ configs: three, sampleRate: 0 })).addAsync }),
  },
  'direct call, 1 config, recording 1 % of calls (async)': {
    kind: 'async',
    group: 'spearmint',
    setup: () => {
      const mint = new Spearmint({ configs: one, record: { to: new Writable({ write: (_chunk, _encoding, done) => done() }), sampleRate: 0.01 } });
      return { op: service(mint).addAsync };
    },
  },
  'run(), main + 2 awaited variants (sync)': {
    kind: 'sync',
    group: 'spearmint',
    setup: () => {
      const { add } = service(new Spearmint({ configs: three }));
      return { op: (i) => run(add, true, (runner) => runner(i)) };
    },
  },
  'run(), main + 2 awaited variants (async)': {
    kind: 'async',
    group: 'spearmint',
    setup: () => {
      const { addAsync } = service(new Spearmint({ configs: three }));
      return { op: (i) => run(addAsync, true, (runner) => runner(i)) };
    },
  },
  'arun(), main + 2 awaited variants (async)': {
    kind: 'async',
    group: 'spearmint',
    setup: () => {
      const { addAsync } = service(new Spearmint({ configs: three }));
      return { op: (i) => arun(addAsync, true, (runner) => runner(i)) };
    },
  },
  'scientist 1.1.1, control only (sync)': {
    kind: 'sync',
    group: 'peer',
    setup: () => {
      const scientist = new Scientist();
      const p = new Plain();
      return { op: (i) => scientist.science('add', (e) => e.use(() => p.add(i))) };
    },
  },
  'scientist 1.1.1, control + candidate (sync)': {
    kind: 'sync',
    group: 'peer',
    setup: () => {
      const scientist = new Scientist();
      scientist.on('result', () => undefined);
      const p = new Plain();
      return {
        op: (i) =>
          scientist.science('add', (e) => {
            e.use(() => p.add(i));
            e.try(() => p.add(i));
          }),
      };
    },
  },
  'GrowthBook run(), 2 variations (sync)': {
    kind: 'sync',
    group: 'peer',
    setup: () => {
      const gb = new GrowthBook({ attributes: { id: 'user-1' } });
      const experiment = { key: 'add', variations: [1, 2] as [number, number] };
      const p = new Plain();
      return { op: (i) => p.add(i) + gb.run(experiment).value };
    },
  },
};
