import { describeValue } from '../internal/describe';
import { processWide } from '../internal/global';
import type { RunnableExperiment } from '../run/runnable-experiment';

/** An experiment as the registry keeps it: runnable, with the function it runs and a late name. */
export interface RegisteredExperiment extends RunnableExperiment {
  /** The function as written. */
  readonly target: Function;
  /** Sets the name once the decorated class is known (stage-3 decorators learn it late). */
  rename(name: string): void;
}

/** How a function stands for an experiment: the wrapper itself, or a bound copy of it. */
export interface ExperimentBinding {
  readonly experiment: RegisteredExperiment;
  /** Set for bound functions: the `this` and leading arguments they were bound with. */
  readonly bound?: { readonly thisArg: unknown; readonly args: readonly unknown[] };
}

const bindings = processWide('registry', () => new WeakMap<Function, ExperimentBinding>());

/**
 * Records that `fn` runs `experiment`, and makes `fn.bind(...)` return functions that are
 * recorded too, so a bound method is still the same experiment for `run` and `getConfigId`.
 * The undecorated function is recorded as well (unless it already is): inside
 * `experiment()(function f() {...})`, the name `f` refers to it.
 */
export function registerExperimentFunction(fn: Function, experiment: RegisteredExperiment): void {
  bindings.set(fn, { experiment });
  if (!bindings.has(experiment.target)) bindings.set(experiment.target, { experiment });
  Object.defineProperty(fn, 'bind', {
    configurable: true,
    writable: true,
    value: function bind(this: Function, thisArg: unknown, ...args: unknown[]) {
      const bound = Function.prototype.bind.call(this, thisArg, ...args);
      const outer = bindings.get(this)?.bound;
      bindings.set(bound, {
        experiment,
        bound: outer ? { thisArg: outer.thisArg, args: [...outer.args, ...args] } : { thisArg, args },
      });
      Object.defineProperty(bound, 'bind', Object.getOwnPropertyDescriptor(fn, 'bind')!);
      return bound;
    },
  });
}

/** The experiment `fn` runs, or `undefined` when `fn` is not an experiment. */
export function findExperimentBinding(fn: unknown): ExperimentBinding | undefined {
  return typeof fn === 'function' ? bindings.get(fn) : undefined;
}

/** The experiment `fn` runs; a `TypeError` naming `fn` when it is not one. */
export function experimentBindingOf(fn: unknown, caller: string): ExperimentBinding {
  const binding = findExperimentBinding(fn);
  if (binding) return binding;
  const what = typeof fn === 'function' ? `function '${fn.name || '(anonymous)'}'` : describeValue(fn);
  throw new TypeError(
    `${caller} expects a function decorated with @experiment() (or made by experiment()(fn)), got ${what}. ` +
      'Decorate it, or pass the decorated method itself (bind it with .bind(instance) if needed).',
  );
}
