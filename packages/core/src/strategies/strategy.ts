import type { Config } from '../config/config';
import type { RuntimeContext } from '../context/request-context';

/**
 * Picks the main config and the variant configs of an entry experiment for one call.
 * Runs once per entry call; `ctx` gives the experiment's name and the request values.
 */
export type Strategy = ((configs: readonly Config[], ctx: RuntimeContext) => [Config, Config[]]) & {
  /** Called once at set-up with the experiment's configs; throws on a misfit (e.g. weight count). */
  validate?(configs: readonly Config[], experiment: string): void;
};

const CONTEXT_FREE = Symbol.for('spearmint.strategy.context-free');

/** Marks a strategy whose choice depends on the configs only, so its plan is computed once. */
export function contextFree(strategy: Strategy): Strategy {
  Object.defineProperty(strategy, CONTEXT_FREE, { value: true });
  return strategy;
}

export function isContextFree(strategy: Strategy): boolean {
  return (strategy as unknown as Record<symbol, unknown>)[CONTEXT_FREE] === true;
}
