import type { ExperimentOptions } from '../options';
import { checkOptions, experimentOptionKeys } from '../options';
import type { ExperimentDecorator } from '../types';
import { createExperiment, type ExperimentDefaults } from './create-experiment';
import { isClass, isStandardContext } from './decorator-shape';
import { decorateLegacy } from './legacy';
import { decorateStandard } from './standard';
import { wrapExperiment } from './wrap-experiment';

/** Makes the decorator for one set of options over an instance's defaults; sees the call shape once. */
export function createExperimentDecorator(defaults: ExperimentDefaults, options: ExperimentOptions = {}): ExperimentDecorator {
  checkOptions(options, experimentOptionKeys, 'experiment()');
  const explicitName = options.name !== undefined;
  if (explicitName && (typeof options.name !== 'string' || options.name === '')) {
    throw new TypeError(`Expected \`name\` to be a non-empty string, got ${String(options.name)}.`);
  }
  const build = (fn: Function, defaultName: string, paramTypes?: readonly unknown[]) =>
    createExperiment(defaults, options, fn, defaultName, paramTypes);

  function experimentDecorator(value: unknown, context?: unknown, descriptor?: unknown): unknown {
    if (isStandardContext(context)) return decorateStandard(build, explicitName, value, context);
    if (typeof context === 'string' || typeof context === 'symbol') {
      if (typeof descriptor === 'number') {
        throw new TypeError(`@experiment() decorates methods and functions only; it was applied to a parameter of '${String(context)}'.`);
      }
      return decorateLegacy(build, value as object, context, descriptor as PropertyDescriptor | undefined);
    }
    if (typeof value === 'function' && context === undefined) {
      if (isClass(value)) {
        throw new TypeError(`@experiment() decorates methods and functions only; it was applied to the class '${value.name}'.`);
      }
      return wrapExperiment(build(value, value.name || 'anonymous'), value);
    }
    throw new TypeError(`experiment() expects a method (as a decorator) or a function, got ${value === null ? 'null' : typeof value}.`);
  }
  return experimentDecorator as ExperimentDecorator;
}
