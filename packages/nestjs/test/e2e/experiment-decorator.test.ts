// @Experiment() and @mint.experiment() on provider and controller methods of a real app.
import { Injectable, Logger } from '@nestjs/common';
import { Test } from '@nestjs/testing';
import { arun, Config, Experiment, run, Spearmint, SpearmintError, SpearmintModule } from '@spearmint/nestjs';
import { ExperimentController, WrapInterceptor } from '../fixtures/experiment.controller';
import { listen, type RunningApp } from '../fixtures/listen';
import { LoudGreeter } from '../fixtures/inheritance.fixtures';
import { finished, OwnInstanceService, ownMint } from '../fixtures/own-instance.service';
import { PerRequestController, PerRequestService } from '../fixtures/request-scoped.fixtures';
import { Multiplier, ScoringService } from '../fixtures/scoring.service';

const moduleConfigs = [{ config_id: 'module-main' }, { config_id: 'module-shadow' }];

const appMetadata = () => ({
  imports: [SpearmintModule.forRoot({ configs: moduleConfigs })],
  controllers: [ExperimentController],
  providers: [ScoringService, Multiplier, OwnInstanceService, WrapInterceptor],
});

describe('@Experiment() in a NestJS app', () => {
  let running: RunningApp;
  afterEach(async () => {
    await running?.app.close();
  });

  it("fills a parameter declared as Config<T> whatever its name, runs with `this` the provider, and the controller's interceptor wraps the answer", async () => {
    running = await listen(appMetadata());
    const response = await running.get('/score/5');
    expect(response.body).toEqual({ intercepted: true, tag: null, data: 10 });
    await running.app.get(Spearmint).drain();
    const scoring = running.app.get(ScoringService);
    expect(scoring.calls).toEqual([
      { self: scoring, configId: 'w2' },
      { self: scoring, configId: 'w3' },
    ]);
  });

  it("uses the module's configs when it gives none, and the module's instance runs its variants", async () => {
    running = await listen(appMetadata());
    expect((await running.get('/describe/hello')).body.data).toBe('module-main:hello');
    const mint = running.app.get(Spearmint);
    await mint.drain();
    expect(running.app.get(ScoringService).calls.map((call) => call.configId)).toEqual(['module-main', 'module-shadow']);
    expect(mint.stats()).toMatchObject({ started: 1, succeeded: 1 });
  });

  it('works on a controller handler itself, below or above the route decorators, and keeps their metadata', async () => {
    running = await listen(appMetadata());
    expect((await running.get('/handler-below/x')).body).toEqual({ intercepted: true, tag: 'below', data: 'handler-main:x' });
    expect((await running.get('/handler-above/y')).body).toEqual({ intercepted: true, tag: 'above', data: 'above-main:y' });
    expect(await running.app.get(Spearmint).drain()).toMatchObject({ started: 2, succeeded: 2, failed: 0 });
  });

  it('makes provider methods experiments for run() and arun() (bound to the instance)', async () => {
    running = await listen(appMetadata());
    const scoring = running.app.get(ScoringService);
    const results = run(scoring.score.bind(scoring), true, (runner) => runner(7));
    expect(results.mainResult.result).toBe(14);
    expect(results.variantResults.map((v) => [v.result, v.experimentCase.getConfigId(scoring.score)])).toEqual([[21, 'w3']]);
    expect(results.mainResult.experimentCase.getConfigId('ScoringService.score')).toBe('w2');
    const described = await arun(scoring.describe.bind(scoring), true, (runner) => runner('a'));
    expect([described.mainResult.result, ...described.variantResults.map((v) => v.result)]).toEqual(['module-main:a', 'module-shadow:a']);
  });

  it('keeps @mint.experiment() of an instance the app made itself working, and app.close() drains that instance too', async () => {
    finished.length = 0;
    running = await listen(appMetadata());
    expect((await running.get('/greet/ada')).body.data).toBe('hello ada from own-main');
    expect(running.app.get(Spearmint).stats().started).toBe(0);
    await running.app.close();
    expect(finished).toEqual(['own-main', 'own-slow-shadow']);
    expect(ownMint.stats()).toMatchObject({ started: 1, succeeded: 1, failed: 0, timedOut: 0, dropped: 0, inFlight: 0 });
  });

  it('sets up an @Experiment() method that an overriding one calls with super (a nested experiment)', async () => {
    running = await listen({ imports: [SpearmintModule.forRoot()], providers: [LoudGreeter] });
    const greeter = running.app.get(LoudGreeter);
    expect(greeter.greet('ada')).toBe('HELLO, ADA!');
    const results = run(greeter.greet.bind(greeter), true, (runner) => runner('bo'));
    expect([results.mainResult, ...results.variantResults].map((r) => r.result)).toEqual(['HELLO, BO!', 'HI, BO!', 'HELLO, BO!!!', 'HI, BO!!!']);
    expect(results.variantResults[0]!.experimentCase.configIds).toEqual({ 'LoudGreeter.greet': 'loud-main', 'BaseGreeter.greet': 'base-shadow' });
  });

  it('warns about a request-scoped provider, whose method still runs with the config', async () => {
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => {});
    try {
      running = await listen({ imports: [SpearmintModule.forRoot()], controllers: [PerRequestController], providers: [PerRequestService] });
      expect(warn).toHaveBeenCalledWith(expect.stringContaining("@Experiment() on 'PerRequestService@label', which is request-scoped"));
      expect((await running.get('/per-request')).body).toEqual({ value: 'per-request-main' });
      expect(await running.app.get(Spearmint).drain()).toMatchObject({ started: 1, succeeded: 1 });
    } finally {
      warn.mockRestore();
    }
  });

  it('warns when a second running application takes over an experiment method of the first, not when the first has closed', async () => {
    const warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => {});
    try {
      const first = await listen(appMetadata());
      const second = await listen(appMetadata());
      expect(warn).toHaveBeenCalledWith(expect.stringContaining("'ScoringService.score' was an experiment of another SpearmintModule that is still running"));
      await second.app.close();
      await first.app.close();
      warn.mockClear();
      running = await listen(appMetadata());
      expect(warn).not.toHaveBeenCalled();
      expect((await running.get('/score/1')).body.data).toBe(2);
    } finally {
      warn.mockRestore();
    }
  });
});

describe('@Experiment() outside a set-up application', () => {
  it('throws a SpearmintError that says how to set the method up', async () => {
    @Injectable()
    class Orphan {
      @Experiment()
      work(config?: Config): string {
        return config!.config_id;
      }
    }
    expect(() => new Orphan().work()).toThrow(SpearmintError);
    expect(() => new Orphan().work()).toThrow(/'Orphan.work' is decorated with @Experiment\(\), but no SpearmintModule has set it up\. Import SpearmintModule.forRoot\(\)/);
    // a testing module without SpearmintModule does not set it up either
    const moduleRef = await Test.createTestingModule({ providers: [Orphan] }).compile();
    await moduleRef.init();
    expect(() => moduleRef.get(Orphan).work()).toThrow(expect.objectContaining({ code: 'SPEARMINT_NESTJS_NOT_SET_UP' }));
    await moduleRef.close();
  });
});

describe('@Experiment() at class definition', () => {
  const apply = (decorator: MethodDecorator, target: object, key: string | symbol, descriptor?: PropertyDescriptor) =>
    (decorator as (...args: unknown[]) => unknown)(target, key, descriptor);

  it('rejects static methods, accessors, fields and symbol names with a TypeError saying what to do', () => {
    class Target {
      static helper(): void {}
      get value(): number {
        return 1;
      }
    }
    expect(() => apply(Experiment(), Target, 'helper', Object.getOwnPropertyDescriptor(Target, 'helper'))).toThrow(
      new TypeError(
        "@Experiment() decorates instance methods of providers and controllers; 'Target.helper' is a static method. SpearmintModule discovers methods on provider instances; decorate a static method with @mint.experiment() of your own Spearmint instance.",
      ),
    );
    expect(() => apply(Experiment(), Target.prototype, 'value', Object.getOwnPropertyDescriptor(Target.prototype, 'value'))).toThrow(
      /'Target.value' is an accessor/,
    );
    expect(() => apply(Experiment(), Target.prototype, 'field', undefined)).toThrow(/'Target.field' is not a method/);
    expect(() => apply(Experiment(), Target.prototype, Symbol('run'), { value() {} })).toThrow(/'Target.Symbol\(run\)' is named by a symbol/);
  });

  it('rejects being used as a stage-3 decorator, pointing at the tsconfig NestJS needs', () => {
    const context = { kind: 'method', name: 'run', static: false, private: false, addInitializer() {} };
    expect(() => apply(Experiment(), function run() {}, context as never)).toThrow(/"experimentalDecorators": true and "emitDecoratorMetadata": true/);
  });

  it('checks its options and configs when the class is defined, not when the app boots', () => {
    expect(() => Experiment({ config: [] } as never)).toThrow(TypeError);
    expect(() => Experiment({ config: [] } as never)).toThrow(/^Unknown option `config` for experiment\(\); the options are: configs, /);
    expect(() => Experiment(null as never)).toThrow(new TypeError('Expected the options of @Experiment() to be an object, got null.'));
    expect(() => {
      class NotAnObject {
        @Experiment({ configs: [42 as never] })
        work(): void {}
      }
      return NotAnObject;
    }).toThrow(expect.objectContaining({ code: 'SPEARMINT_INVALID_CONFIG', message: expect.stringContaining("configs of 'NotAnObject.work'[0]") }));
  });

  it("fails the app's start-up when the method cannot become an experiment of the module's instance", async () => {
    @Injectable()
    class WithDuplicateIds {
      @Experiment({ configs: [{ config_id: 'x', a: 1 }, { config_id: 'x', a: 2 }] })
      work(): void {}
    }
    const moduleRef = await Test.createTestingModule({ imports: [SpearmintModule.forRoot()], providers: [WithDuplicateIds] }).compile();
    await expect(moduleRef.init()).rejects.toMatchObject({
      code: 'SPEARMINT_DUPLICATE_CONFIG_ID',
      message: expect.stringContaining("Duplicate config_id 'x' in experiment 'WithDuplicateIds.work'"),
    });
  });
});
