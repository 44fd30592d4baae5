import type { Config } from '../config/config';

/** Puts a value derived from the case's config into one argument of a call. */
export interface Injection {
  /** The parameter's position. */
  readonly index: number;
  /**
   * Called once by the experiment at set-up, after its configs are checked, with those configs
   * (the default config when there are none): computes, checks and caches what `valueFor` returns.
   */
  prepare?(configs: readonly Config[], experiment: string): void;
  /** The value for a config; computed at set-up where it costs anything. */
  valueFor(config: Config): unknown;
}

/** The whole config, into the parameter at `index`. */
export function wholeConfig(index: number): Injection {
  return { index, valueFor: (config) => config };
}

/**
 * Calls `target` with `config` injected where the caller passed nothing or `undefined` (a value
 * the caller passes explicitly wins), and leaves `args` as the caller gave it, for the other
 * executions of the call. One injection (the usual case) is filled into `args` in place and put
 * back once `apply` has copied the arguments; several go into a copy.
 */
export function callInjected(target: Function, thisArg: unknown, args: unknown[], injections: readonly Injection[], config: Config): unknown {
  if (injections.length === 1) {
    const { index } = injections[0]!;
    if (args[index] !== undefined) return target.apply(thisArg, args);
    args[index] = injections[0]!.valueFor(config);
    try {
      return target.apply(thisArg, args);
    } finally {
      args[index] = undefined;
    }
  }
  const copy = args.slice();
  for (let i = 0; i < injections.length; i++) {
    const injection = injections[i]!;
    if (args[injection.index] === undefined) copy[injection.index] = injection.valueFor(config);
  }
  return target.apply(thisArg, copy);
}
