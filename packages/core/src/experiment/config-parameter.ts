import type { BoundParameter } from '../config/bind';
import type { BindOptions, BindSpec } from '../config/bind-spec';
import { isConfigClass } from '../config/config';
import { describeValue } from '../internal/describe';
import { type ParameterName, parameterNames } from './parameter-names';

/** Which parameters of a function receive the config (`configIndex`, `-1`: none) and bound values. */
export interface InjectedParameters {
  readonly configIndex: number;
  readonly bound: readonly BoundParameter[];
  /** The function's parameters, as read from its source. */
  readonly names: readonly ParameterName[];
}

/**
 * Finds, once at decoration, where configs go. The whole config goes to `configParam`, else to
 * the parameter named `config`, else (legacy, with metadata) to the first one typed `Config`;
 * a parameter with a `bind` entry gets its bound value instead. `configParam: false`: nothing
 * gets the whole config (the function reads `currentCase()`).
 */
export function findInjectedParameters(
  fn: Function,
  functionName: string,
  options: { readonly configParam?: string | number | false | undefined; readonly bind?: BindOptions | undefined },
  paramTypes: readonly unknown[] | undefined,
): InjectedParameters {
  const names = parameterNames(fn);
  const bound = boundParameters(options.bind, names, functionName, paramTypes);
  const isBound = (index: number) => bound.some((b) => b.index === index);
  if (options.configParam === false) return { configIndex: -1, bound, names };
  if (options.configParam !== undefined) {
    const configIndex = explicitIndex(options.configParam, names, functionName);
    if (isBound(configIndex)) {
      throw new TypeError(
        `Parameter '${names[configIndex]!.name}' of '${functionName}' is both \`configParam\` and a \`bind\` entry; a parameter receives ` +
          'either the whole config (configParam) or a bound value (bind): remove one of the two.',
      );
    }
    return { configIndex, bound, names };
  }
  const byName = names.findIndex((p, i) => p.name === 'config' && !p.rest && !isBound(i));
  const byType = paramTypes ? paramTypes.findIndex((type, i) => isConfigClass(type) && !isBound(i)) : -1;
  return { configIndex: byName >= 0 ? byName : byType, bound, names };
}

function boundParameters(
  bind: BindOptions | undefined,
  names: readonly ParameterName[],
  functionName: string,
  paramTypes: readonly unknown[] | undefined,
): BoundParameter[] {
  if (bind === undefined) return [];
  if (bind === null || typeof bind !== 'object' || Array.isArray(bind)) {
    throw new TypeError(`Expected \`bind\` of '${functionName}' to be an object of parameter name → path or schema, got ${bind === null ? 'null' : typeof bind}.`);
  }
  return Object.keys(bind).map((parameter) => {
    const index = names.findIndex((p) => p.name === parameter);
    if (index < 0) {
      throw new TypeError(`\`bind\` names the parameter '${parameter}', but '${functionName}' has none of that name; its parameters: ${listed(names)}.`);
    }
    if (names[index]!.rest) {
      throw new TypeError(`\`bind\` names '${parameter}' of '${functionName}', a rest parameter; bind a named parameter instead.`);
    }
    const spec = bind[parameter]!;
    // Legacy, with metadata: a parameter typed `Config` bound by path alone receives a `Config` of that part.
    const configClass = paramTypes?.[index];
    return { parameter, index, spec: isConfigClass(configClass) ? withSchema(spec, configClass as BindSchemaClass) : spec };
  });
}

type BindSchemaClass = new (value: object) => unknown;

/** `spec` with `schema` as its schema when it names a path only. */
function withSchema(spec: BindSpec, schema: BindSchemaClass): BindSpec {
  if (typeof spec === 'string') return { path: spec, schema };
  const isPathOnly =
    typeof spec === 'object' && spec !== null && Object.getPrototypeOf(spec) === Object.prototype && Object.keys(spec).every((key) => key === 'path');
  return isPathOnly ? { ...spec, schema } : spec;
}

function explicitIndex(configParam: unknown, names: readonly ParameterName[], functionName: string): number {
  if (typeof configParam === 'number') {
    if (Number.isInteger(configParam) && configParam >= 0) return configParam;
    throw new TypeError(`Expected \`configParam\` of '${functionName}' to be a parameter name or an index from 0 up, got \`${configParam}\`.`);
  }
  if (typeof configParam !== 'string') {
    throw new TypeError(
      `Expected \`configParam\` of '${functionName}' to be a parameter name, an index from 0 up, or false (nothing injected), got ${describeValue(configParam)}.`,
    );
  }
  const index = names.findIndex((p) => p.name === configParam);
  if (index >= 0) return index;
  throw new TypeError(`\`configParam\` '${configParam}' of '${functionName}' is not one of its parameters: ${listed(names)}.`);
}

export function listed(names: readonly ParameterName[]): string {
  return names.map((p) => (p.name === undefined ? '(destructured)' : p.rest ? `...${p.name}` : p.name)).join(', ') || '(none)';
}
