import type { Config } from '../config/config';
import { InvalidStrategyResultError } from '../errors';
import { describeValue } from '../internal/describe';
import type { CasePlan } from '../run/runnable-experiment';

/**
 * Checks what an experiment's strategy answered, in time linear in the answer: an array of main
 * and the variant configs, each one of the experiment's own configs, each at most once.
 */
export class StrategyAnswerCheck {
  /** Position of each config. */
  readonly #positions: Map<Config, number>;
  /** Per config, the number of the last check that met it: a config met twice in one check is a duplicate. */
  readonly #seen: Uint32Array;
  #checks = 0;

  constructor(
    private readonly configs: readonly Config[],
    /** The experiment's name, read when an answer fails (it may be renamed after set-up). */
    private readonly experiment: () => string,
  ) {
    this.#positions = new Map(configs.map((config, i) => [config, i]));
    this.#seen = new Uint32Array(configs.length);
  }

  /** The strategy's answer, checked and copied (the strategy may reuse its arrays); an `InvalidStrategyResultError` otherwise. */
  plan(answer: unknown): CasePlan {
    try {
      return this.#check(answer);
    } catch (error) {
      if (error instanceof InvalidStrategyResultError) throw error;
      // A getter of the answer threw (a Proxy, say).
      throw new InvalidStrategyResultError(this.experiment(), 'returned an answer that could not be read.', { cause: error });
    }
  }

  #check(answer: unknown): CasePlan {
    if (!Array.isArray(answer) || answer.length !== 2) {
      const factory = typeof answer === 'function' ? ' (a strategy factory passed without calling it? Call it: `strategy: factory()`.)' : '';
      throw this.#invalid(`returned ${describeValue(answer)}${factory}.`);
    }
    const main: unknown = answer[0];
    const variants: unknown = answer[1];
    if (!Array.isArray(variants)) throw this.#invalid(`returned ${describeValue(variants)} as variantConfigs, not an array.`);
    if (variants.length >= this.configs.length) {
      throw this.#invalid(`returned ${variants.length} variant configs, but the experiment has ${this.configs.length} configs, one of which is main.`);
    }
    const check = (this.#checks = (this.#checks + 1) >>> 0 || (this.#seen.fill(0), 1));
    this.#position(main, -1, check);
    const copy = new Array<Config>(variants.length);
    for (let i = 0; i < variants.length; i++) copy[i] = this.configs[this.#position(variants[i], i, check)]!;
    return [main as Config, copy];
  }

  /**
   * The position of `config` (main, or variant `index`) among the experiment's configs; throws
   * for another value, or for one met before in this check.
   */
  #position(config: unknown, index: number, check: number): number {
    const position = this.#positions.get(config as Config);
    if (position === undefined) {
      const id = typeof config === 'object' && config !== null && typeof (config as Config).config_id === 'string' ? ` with config_id '${(config as Config).config_id}'` : '';
      throw this.#invalid(`returned ${describeValue(config)}${id} as ${answerPart(index)}, which is not one of the experiment's configs (${this.#listIds()}).`);
    }
    if (this.#seen[position] === check) throw this.#invalid(`returned config '${this.configs[position]!.config_id}' twice (the second time as ${answerPart(index)}).`);
    this.#seen[position] = check;
    return position;
  }

  #invalid(detail: string): InvalidStrategyResultError {
    return new InvalidStrategyResultError(this.experiment(), detail);
  }

  #listIds(): string {
    const ids = this.configs.slice(0, 10).map((config) => `'${config.config_id}'`);
    return ids.join(', ') + (this.configs.length > 10 ? `, and ${this.configs.length - 10} more` : '');
  }
}

/** Where in a strategy's answer a config stood: main (-1), or a variant's index. */
function answerPart(index: number): string {
  return index < 0 ? 'main' : `variantConfigs[${index}]`;
}
