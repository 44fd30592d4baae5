// Messages of @spearmint/nestjs: each says what is wrong and how to fix it.

const describe = (value: unknown): string =>
  value === null ? 'null' : Array.isArray(value) ? 'an array' : `\`${String(value)}\` (${typeof value})`;

export const notSetUpMessage = (experiment: string): string =>
  `'${experiment}' is decorated with @Experiment(), but no SpearmintModule has set it up. ` +
  'Import SpearmintModule.forRoot() or SpearmintModule.forRootAsync() in the application, and make the class a provider ' +
  'or controller of it: its @Experiment() methods become experiments of the module\'s Spearmint instance during module ' +
  'initialisation, so they cannot run from a constructor. Outside NestJS, use @mint.experiment() of your own Spearmint instance.';

export const requestScopedMessage = (provider: string, method: string): string =>
  `@Experiment() on '${provider}@${method}', which is request-scoped (or depends on a request-scoped provider): ` +
  'SpearmintModule sets the method up once for the class, but every request builds a new instance, and background ' +
  'variants keep that instance and its request alive and run after the response was sent. ' +
  'Move the experiment into a singleton provider and pass it the request data it needs.';

export const reboundMessage = (experiment: string): string =>
  `'${experiment}' was an experiment of another SpearmintModule that is still running (another application in this process, ` +
  "or a second SpearmintModule.forRoot() in this one); it now uses this module's Spearmint instance, everywhere. " +
  'Import SpearmintModule once per application, and run one application per process or close the other first.';

export const drainTimedOutMessage = (running: number, timeoutMs: number): string =>
  `Shutdown: ${running} background variant${running === 1 ? '' : 's'} still running after shutdownDrainTimeoutMs ` +
  `(${timeoutMs} ms); their signals were aborted and their results are lost. Raise shutdownDrainTimeoutMs, bound each ` +
  'variant with variantTimeoutMs, or make the variants read currentSignal() to stop sooner.';

export const experimentTargetMessage = (target: string, what: string): string =>
  `@Experiment() decorates instance methods of providers and controllers; '${target}' is ${what}.`;

export const staticMethodMessage = (target: string): string =>
  experimentTargetMessage(target, 'a static method') +
  ' SpearmintModule discovers methods on provider instances; decorate a static method with @mint.experiment() of your own Spearmint instance.';

export const symbolKeyMessage = (target: string): string =>
  experimentTargetMessage(target, 'named by a symbol') + ' NestJS discovers methods by string name; give the method a string name.';

export const standardDecoratorMessage = (): string =>
  '@Experiment() is a legacy method decorator, as NestJS compiles them, but it was called as a TC39 stage-3 decorator. ' +
  'Set "experimentalDecorators": true and "emitDecoratorMetadata": true in tsconfig.json (NestJS needs both), ' +
  'or use @mint.experiment() of your own Spearmint instance, which works in both modes.';

export const optionsObjectMessage = (label: string, value: unknown): string =>
  `Expected the options of ${label} to be an object, got ${describe(value)}.`;

export const drainTimeoutMessage = (label: string, value: unknown): string =>
  `Expected \`shutdownDrainTimeoutMs\` of ${label} to be a number of milliseconds from 0 to 2^31 − 1 (the longest timer Node keeps), or Infinity, got ${describe(value)}.`;

export const globalMessage = (label: string, value: unknown): string =>
  `Expected \`global\` of ${label} to be a boolean, got ${describe(value)}.`;

export const globalInFactoryMessage = (label: string): string =>
  `${label} returned \`global\`, but whether the module is global is decided before any factory runs: ` +
  'pass `global` next to `useFactory` / `useClass` / `useExisting` in SpearmintModule.forRootAsync({ ... }) instead.';

export const asyncOptionsMessage = (given: readonly string[]): string =>
  'SpearmintModule.forRootAsync() needs exactly one of `useFactory`, `useClass` or `useExisting` to make the options; ' +
  `got ${given.length === 0 ? 'none' : given.map((key) => `\`${key}\``).join(' and ')}.`;

export const useFactoryMessage = (value: unknown): string =>
  `Expected \`useFactory\` of SpearmintModule.forRootAsync() to be a function that returns the options, got ${describe(value)}.`;

export const requestContextMessage = (label: string, value: unknown): string =>
  `Expected \`requestContext\` of ${label} to be a function (request, context) => ({ userId: ... }), got ${describe(value)}.`;

export const requestContextValuesMessage = (value: unknown): string =>
  `SpearmintModule's requestContext must return an object of request values such as { userId: '42' } (or undefined, or a promise of one), got ${safeDescribe(value)}.`;

export const requestContextThrewMessage = (thrown: unknown): string => `SpearmintModule's requestContext threw ${safeDescribe(thrown)}.`;

/** `describe`, for values whose `toString` may throw (what user code throws or returns). */
const safeDescribe = (value: unknown): string => {
  try {
    return typeof value === 'string' ? JSON.stringify(value) : describe(value);
  } catch {
    return 'a value that cannot be printed';
  }
};
