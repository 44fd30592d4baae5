import type {
  BindOptions,
  Clean,
  Compare,
  ConfigSource,
  ExecutionHooks,
  Ignore,
  ObservationOptions,
  RecordOptions,
  SampleRate,
  Strategy,
  SupervisorLimits,
} from '@spearmint/core';
import { checkKnownKeys } from '@spearmint/core/internal';

/** Options of one experiment: `mint.experiment(options)` or `experiment(options)`. */
export interface ExperimentOptions {
  /**
   * The experiment's configs — objects, `Config`s, and paths (string or `URL`) of `.yaml`,
   * `.yml` and `.json` files or directories — loaded at decoration; they replace the `Spearmint`
   * instance's. `[]` means "no configs": the function runs once, with `{ config_id: 'default' }`.
   * @default the instance's `configs`
   */
  configs?: readonly ConfigSource[];
  /**
   * Picks main and variants per call.
   * @default the instance's `strategy`, else `strategies.shadow`
   */
  strategy?: Strategy;
  /**
   * The experiment's name in cases, results and hooks. Pass it for minified code.
   * @default `ClassName.methodName`, or the function's name
   */
  name?: string;
  /**
   * The parameter (name or index) that receives the config; `false`: none, the function reads
   * `currentCase()` itself (this also silences the set-up warning about an experiment with
   * several configs and nothing to inject them into).
   * @default the parameter named `config`; in legacy mode with `emitDecoratorMetadata`, the one typed `Config`
   * (in both cases, not one with a `bind` entry)
   */
  configParam?: string | number | false;
  /**
   * Injects parts of the config into parameters, by parameter name: a dotted path into the
   * config (`'llm.settings'`), a schema for the whole config, or `{ path, schema }`. A schema is
   * any Standard Schema v1 validator (zod, valibot, arktype, ...), whose output is injected (its
   * defaults apply), or a class, constructed as `new Class(value)`. Values are validated and
   * frozen once per config, at set-up. An entry for the parameter named `config` replaces the
   * whole-config injection.
   *
   * @example
   * ```ts
   * @mint.experiment({ bind: { llm: { path: 'llm', schema: LlmSettings }, prompts: 'prompts' } })
   * generate(question: string, llm?: LlmSettings, prompts?: Prompts) { ... }
   * ```
   */
  bind?: BindOptions;
  /**
   * Decides whether a variant agrees with main, given both values (awaited); called only when
   * both returned, and must return a boolean synchronously. Sets each variant's `matchesMain`,
   * counts `stats().comparisons` and calls `onMismatch`.
   *
   * @example
   * ```ts
   * @mint.experiment({ compare: (main: Triage, variant: Triage) => main.queue === variant.queue })
   * triage(ticket: Ticket, config?: Config): Triage { ... }
   * ```
   * @default the instance's `compare`, else deep equality (`util.isDeepStrictEqual`)
   */
  compare?: Compare;
  /**
   * What main and a variant are compared by, taken from main's value when main returns (so a
   * caller that changes the returned object causes no false mismatch). See `Clean`.
   * @default the instance's `clean`, else a structured clone of main's value when it is plain data
   */
  clean?: Clean;
  /**
   * Accepts some mismatches: `true` counts it as `ignored` in `stats().comparisons`, with no
   * `onMismatch` call and no `MismatchError`. See `Ignore`.
   * @default the instance's `ignore`, else none
   */
  ignore?: Ignore;
  /**
   * The fraction of entry calls that run their background variants (0 to 1, at random), or a
   * function of the request values that says which (see `SampleRate`); the others cost a
   * one-config call and count in `stats().sampledOut`.
   * @default the instance's `sampleRate`, else 1
   */
  sampleRate?: SampleRate;
  /**
   * Records a sampled fraction of this experiment's entry calls as dataset records (JSON lines)
   * for `evaluate()` and `spearmint eval`; `false`: not this one, even when the instance records.
   *
   * @example
   * ```ts
   * @mint.experiment({ record: { to: 'recordings/price.jsonl', sampleRate: 0.01 } })
   * price(order: Order, config?: Config): number { ... }
   * ```
   * @default the instance's `record`, else none
   */
  record?: RecordOptions | false;
}

/** Options of `new Spearmint(options)`: default configs, strategy and `compare`, limits, hooks and tracing. */
export interface SpearmintOptions extends SupervisorLimits, ExecutionHooks, ObservationOptions {
  /**
   * Configs of every experiment of this instance that does not give its own: objects, `Config`s,
   * and paths (string or `URL`) of `.yaml`, `.yml` and `.json` files or directories, loaded here.
   * @default []
   */
  configs?: readonly ConfigSource[];
  /**
   * The strategy of every experiment of this instance that does not give its own.
   * @default strategies.shadow
   */
  strategy?: Strategy;
}

const EXPERIMENT_KEYS = ['configs', 'strategy', 'name', 'configParam', 'bind', 'compare', 'clean', 'ignore', 'sampleRate', 'record'] as const;
const SPEARMINT_KEYS = [
  'configs',
  'strategy',
  'maxBackgroundVariants',
  'variantTimeoutMs',
  'onResult',
  'onError',
  'onDrop',
  'onMismatch',
  'compare',
  'openTelemetry',
  'clean',
  'ignore',
  'sampleRate',
  'record',
] as const;

/** Throws a `TypeError` for a non-object or an unknown key (a typo such as `config:`). */
export function checkOptions(options: unknown, allowed: readonly string[], label: string): void {
  if (options === undefined) return;
  if (options === null || typeof options !== 'object' || Array.isArray(options)) {
    throw new TypeError(`Expected the options of ${label} to be an object, got ${options === null ? 'null' : typeof options}.`);
  }
  checkKnownKeys(options, allowed, label);
}

export const experimentOptionKeys: readonly string[] = EXPERIMENT_KEYS;
export const spearmintOptionKeys: readonly string[] = SPEARMINT_KEYS;
