import { RuntimeContext, type RequestValues } from '../context/request-context';

/** The key under which a `RuntimeContext` made by the engine holds the experiment object it decides for. */
const OWNER = Symbol.for('spearmint.strategy.owner');

/**
 * The `RuntimeContext` the engine hands a strategy: it also knows which experiment object asks
 * (two experiments may share a name), and, for a nested experiment, reads the request values of
 * the entry call rather than those in force when the nested experiment is first called.
 */
export class StrategyContext extends RuntimeContext {
  readonly [OWNER]: object;
  // TypeScript-private, not #private: made on every call with a context-dependent strategy.
  private readonly values: RequestValues | undefined;
  private readonly captured: boolean;

  /** `captured`: read `values` (the entry call's) rather than the request values in force. */
  constructor(experiment: string, owner: object, captured: boolean, values: RequestValues | undefined) {
    super(experiment);
    this[OWNER] = owner;
    this.captured = captured;
    this.values = values;
  }

  override get<T = unknown>(key: string): T | undefined {
    return this.captured ? (this.values?.get(key) as T | undefined) : super.get<T>(key);
  }
}

/**
 * The object identifying the experiment a strategy decides for: the experiment itself when the
 * engine asks, else the context's experiment name (a context made by hand, as in a unit test).
 */
export function strategyOwner(ctx: RuntimeContext): object | string {
  const owner = (ctx as { [OWNER]?: unknown })[OWNER];
  return typeof owner === 'object' && owner !== null ? owner : ctx.experiment;
}
