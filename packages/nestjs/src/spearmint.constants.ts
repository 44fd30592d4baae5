/**
 * Injection token of `SpearmintModule`'s options, with defaults applied
 * (`ResolvedSpearmintModuleOptions`).
 *
 * @example
 * ```ts
 * constructor(@Inject(SPEARMINT_OPTIONS) options: ResolvedSpearmintModuleOptions) {}
 * ```
 */
export const SPEARMINT_OPTIONS = Symbol('SPEARMINT_OPTIONS');

/**
 * The reflect-metadata key under which `@Experiment()` marks a method. A `Symbol.for` key, so
 * the ESM and the CommonJS build of this package, loaded side by side, see the same marks.
 * @internal
 */
export const SPEARMINT_EXPERIMENT = Symbol.for('spearmint.nestjs.experiment');

/** The default of `shutdownDrainTimeoutMs`: how long shutdown waits for background variants. */
export const DEFAULT_SHUTDOWN_DRAIN_TIMEOUT_MS = 10_000;

/** The longest delay `setTimeout` keeps (Node turns a longer one into 1 ms). */
export const MAX_TIMER_MS = 2 ** 31 - 1;
