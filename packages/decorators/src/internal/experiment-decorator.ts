import { defineExperiment, type ExperimentDefaults, type ExperimentSetup, withDefaults } from '@spearmint/core/internal';
import type { ExperimentOptions } from '../options';
import { checkOptions, experimentOptionKeys } from '../options';
import type { ExperimentDecorator } from '../types';
import { isClass, isStandardContext } from './decorator-shape';
import { decorateLegacy } from './legacy';
import { decorateStandard } from './standard';

/** Makes the decorator for one set of options over an instance's defaults; sees the call shape at each use. */
export function createExperimentDecorator(defaults: ExperimentDefaults, options: ExperimentOptions = {}): ExperimentDecorator {
  checkOptions(options, experimentOptionKeys, 'experiment()');
  if (options.name !== undefined && (typeof options.name !== 'string' || options.name === '')) {
    throw new TypeError(`Expected \`name\` to be a non-empty string, got ${String(options.name)}.`);
  }
  const explicitName = options.name !== undefined;
  /** Each call shape turns into one `defineExperiment` call: the options over the defaults, named by the shape unless `name` is given. */
  const setup = (defaultName: string): ExperimentSetup => withDefaults(defaults, { ...options, name: options.name ?? defaultName });

  function experimentDecorator(value: unknown, context?: unknown, descriptor?: unknown): unknown {
    if (isStandardContext(context)) return decorateStandard(setup, explicitName, value, context);
    if (typeof context === 'string' || typeof context === 'symbol') {
      if (typeof descriptor === 'number') {
        throw new TypeError(`@experiment() decorates methods and functions only; it was applied to a parameter of '${String(context)}'.`);
      }
      return decorateLegacy(setup, value as object, context, descriptor as PropertyDescriptor | undefined);
    }
    if (typeof value === 'function' && context === undefined) {
      if (isClass(value)) {
        throw new TypeError(`@experiment() decorates methods and functions only; it was applied to the class '${value.name}'.`);
      }
      return defineExperiment(value, setup(value.name || 'anonymous'));
    }
    throw new TypeError(`experiment() expects a method (as a decorator) or a function, got ${value === null ? 'null' : typeof value}.`);
  }
  return experimentDecorator as ExperimentDecorator;
}
