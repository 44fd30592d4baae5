import { defineExperiment, type ExperimentSetup, findExperimentBinding, type RegisteredExperiment } from '@spearmint/core/internal';
import { notAMethodError } from './decorator-shape';

/**
 * The TC39 stage-3 path: `(method, context)`. The decorator does not see its class, so the
 * experiment is named `ClassName.method` when the class is first constructed or the method first
 * called; each instance (or the class, for a static method) gets the method bound to it.
 */
export function decorateStandard(setup: (defaultName: string) => ExperimentSetup, explicitName: boolean, value: unknown, context: DecoratorContext): Function {
  if (context.kind !== 'method' || typeof value !== 'function') {
    // A stage-3 decorator does not see its class: the member's name is all there is to name.
    const member = 'name' in context && context.name !== undefined ? String(context.name) : undefined;
    throw notAMethodError(context.kind, member);
  }
  const key = context.name;
  const methodName = typeof key === 'symbol' ? `[${key.description ?? ''}]` : key;
  let named = explicitName;
  const learnName = (thisArg: unknown, experiment: RegisteredExperiment) => {
    if (named) return;
    const owner = context.private ? constructorName(thisArg) : ownerName(thisArg, key, experiment);
    if (owner === undefined) return;
    experiment.rename(`${owner}.${methodName}`);
    named = true;
  };
  const wrapper = defineExperiment(value, { ...setup(methodName), beforeCall: explicitName ? undefined : learnName });
  const experiment = findExperimentBinding(wrapper)!.experiment;

  context.addInitializer(function (this: unknown) {
    learnName(this, experiment);
    if (context.private) return;
    const holder = this as Record<string | symbol, unknown>;
    if (holder[key] !== wrapper) return; // overridden by a subclass: leave that alone
    Object.defineProperty(holder, key, { value: wrapper.bind(holder), writable: true, configurable: true, enumerable: false });
  });
  return wrapper;
}

/** The name of the class whose prototype (or which, for statics) defines the experiment method. */
function ownerName(thisArg: unknown, key: string | symbol, experiment: RegisteredExperiment): string | undefined {
  let holder: object | null = typeof thisArg === 'function' || (typeof thisArg === 'object' && thisArg !== null) ? thisArg : null;
  for (; holder !== null; holder = Object.getPrototypeOf(holder)) {
    const isPrototype = typeof holder === 'function' || (holder as { constructor?: { prototype?: unknown } }).constructor?.prototype === holder;
    if (!isPrototype) continue; // an instance's own bound copy says nothing about the class
    const descriptor = Object.getOwnPropertyDescriptor(holder, key);
    if (descriptor && findExperimentBinding(descriptor.value)?.experiment === experiment) {
      return typeof holder === 'function' ? holder.name : (holder as { constructor: Function }).constructor.name;
    }
  }
  return undefined;
}

function constructorName(thisArg: unknown): string | undefined {
  if (typeof thisArg === 'function') return thisArg.name;
  return (thisArg as { constructor?: Function } | null | undefined)?.constructor?.name;
}
