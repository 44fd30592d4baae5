import type { Config } from '../config/config';
import type { RuntimeContext } from '../context/request-context';

/**
 * Picks the main config and the variant configs of an experiment for one entry call, from the
 * configs it is given (return those very objects: each at most once). Runs once per entry call
 * for the entry experiment, and once per entry call for each nested experiment that takes part;
 * `ctx` gives the experiment's name and the entry call's request values.
 */
export type Strategy = ((configs: readonly Config[], ctx: RuntimeContext) => [Config, Config[]]) & {
  /** Called once at set-up with the experiment's configs; throws on a misfit (e.g. weight count). */
  validate?(configs: readonly Config[], experiment: string): void;
};

const CONTEXT_FREE = Symbol.for('spearmint.strategy.context-free');
const FACTORY_USAGE = Symbol.for('spearmint.strategy.factory-usage');

/** Marks a strategy whose choice depends on the configs only, so its plan is computed once. */
export function contextFree(strategy: Strategy): Strategy {
  Object.defineProperty(strategy, CONTEXT_FREE, { value: true });
  return strategy;
}

export function isContextFree(strategy: Strategy): boolean {
  return (strategy as unknown as Record<symbol, unknown>)[CONTEXT_FREE] === true;
}

/** Marks a function that makes strategies, with how to call it, so passing it uncalled is caught at set-up. */
export function strategyFactory<F extends Function>(factory: F, usage: string): F {
  Object.defineProperty(factory, FACTORY_USAGE, { value: usage });
  return factory;
}

/** How to call a strategy factory (`'strategies.roundRobin()'`), or `undefined` for anything else. */
export function factoryUsage(value: Function): string | undefined {
  const usage = (value as unknown as Record<symbol, unknown>)[FACTORY_USAGE];
  return typeof usage === 'string' ? usage : undefined;
}
