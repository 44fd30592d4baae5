/** True when a decorator was called the TC39 stage-3 way: `(value, context)`. */
export function isStandardContext(value: unknown): value is DecoratorContext {
  return typeof value === 'object' && value !== null && typeof (value as { kind?: unknown }).kind === 'string';
}

export function isClass(value: unknown): boolean {
  return typeof value === 'function' && /^class\b/.test(Function.prototype.toString.call(value));
}

const ARTICLES: Readonly<Record<string, string>> = { accessor: 'an accessor', getter: 'a getter', setter: 'a setter', field: 'a field', class: 'a class' };

/**
 * The `TypeError` for `@experiment()` on something that is not a method: `kind` as a stage-3
 * context names it, `where` as `'Class.member'` (or `'member'` where the class is not known yet).
 */
export function notAMethodError(kind: string, where: string | undefined): TypeError {
  const what = `${ARTICLES[kind] ?? `a ${kind}`}${where === undefined ? '' : ` '${where}'`}`;
  const member = where?.slice(where.lastIndexOf('.') + 1);
  const instead =
    kind === 'getter' || kind === 'setter' || kind === 'accessor'
      ? ` Make it a method (${member ?? 'name'}()) and decorate that, or decorate the method that it calls.`
      : kind === 'field'
        ? ' Decorate a method, or wrap a function with mint.experiment()(fn).'
        : kind === 'class'
          ? ' Decorate its methods instead.'
          : '';
  return new TypeError(`@experiment() decorates methods and functions only; it was applied to ${what}.${instead}`);
}
