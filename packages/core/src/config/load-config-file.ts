import { extname } from 'node:path';
import { InvalidConfigError } from '../errors';
import { describeValue } from '../internal/describe';
import { isPlainObject } from '../internal/plain-object';
import { parseJson, parseYaml } from './parse-config-text';
import { readConfigText } from './read-config-text';

/** One config as a file holds it (it may still hold `DynamicValue`s), and where it came from. */
export interface FileConfig {
  readonly values: Record<string, unknown>;
  /** `file /abs/a.yaml`, or `file /abs/list.yaml, item 1` for the items of a top-level list. */
  readonly source: string;
}

/** Reads one `.yaml`, `.yml` or `.json` file: an object is one config, a list of objects several. */
export function loadConfigFile(file: string): FileConfig[] {
  const data = parse(file);
  const source = `file ${file}`;
  if (data === null || data === undefined) {
    throw new InvalidConfigError(source, 'the file is empty; write a mapping (`key: value` lines) or a list of mappings.');
  }
  if (!Array.isArray(data)) return [{ values: asObject(data, source, 'at the top level'), source }];
  if (data.length === 0) {
    throw new InvalidConfigError(source, 'the file holds an empty list, so it gives no config; add a mapping to the list or remove the file.');
  }
  return data.map((item, index) => {
    const itemSource = `${source}, item ${index}`;
    return { values: asObject(item, itemSource, 'as a list item'), source: itemSource };
  });
}

function parse(file: string): unknown {
  const text = readConfigText(file);
  return extname(file).toLowerCase() === '.json' ? parseJson(text, file) : parseYaml(text, file);
}

function asObject(value: unknown, source: string, where: string): Record<string, unknown> {
  if (isPlainObject(value)) return value;
  throw new InvalidConfigError(source, `expected a mapping (an object of keys and values) ${where}, got ${describeValue(value)}.`);
}
