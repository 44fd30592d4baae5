import { isConfigClass } from '@spearmint/core';
import { parameterNames } from './parameter-names';

/** Where the config goes in a function's arguments; `-1` when nowhere. */
export function findConfigParameter(
  fn: Function,
  functionName: string,
  configParam: string | number | undefined,
  paramTypes: readonly unknown[] | undefined,
): number {
  const names = parameterNames(fn);
  if (configParam !== undefined) return explicitIndex(configParam, names.map((p) => p.name), functionName);
  const byName = names.findIndex((p) => p.name === 'config' && !p.rest);
  if (byName >= 0) return byName;
  return paramTypes ? paramTypes.findIndex(isConfigClass) : -1;
}

function explicitIndex(configParam: string | number, names: (string | undefined)[], functionName: string): number {
  if (typeof configParam === 'number') {
    if (Number.isInteger(configParam) && configParam >= 0) return configParam;
    throw new TypeError(`Expected \`configParam\` of '${functionName}' to be a parameter name or an index from 0 up, got \`${configParam}\`.`);
  }
  const index = names.indexOf(configParam);
  if (index >= 0) return index;
  const listed = names.map((name) => name ?? '(destructured)').join(', ') || '(none)';
  throw new TypeError(`\`configParam\` '${configParam}' of '${functionName}' is not one of its parameters: ${listed}.`);
}
