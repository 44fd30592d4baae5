import { isStandardContext } from './decorator-shape';

/**
 * Catches a decorator factory applied as a decorator itself (`@mint.experiment` without
 * parentheses): its options argument is then the method (stage-3 and plain functions), or it is
 * followed by a decorator context (stage-3) or a property key (legacy). `factory` is how the
 * user wrote it, e.g. `mint.experiment`.
 */
export function assertCalledWithOptions(args: ArrayLike<unknown>, factory: string): void {
  const [options, second] = [args[0], args[1]];
  const asDecorator = isStandardContext(second) || typeof second === 'string' || typeof second === 'symbol';
  if (!asDecorator && typeof options !== 'function') return;
  throw new TypeError(
    `${factory} makes a decorator and must be called: write @${factory}() (or @${factory}({ ...options })) above a method, ` +
      `or ${factory}()(fn) for a function. It was ${asDecorator ? 'applied as a decorator itself' : 'given a function as its options'}.`,
  );
}
