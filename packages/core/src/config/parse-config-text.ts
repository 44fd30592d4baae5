import { parseDocument, type YAMLError } from 'yaml';
import { JsonSyntaxError, YamlSyntaxError } from '../errors';
import { configYamlTags } from './yaml-sweep-tag';

/**
 * The data of a YAML file (`!sweep` sequences as `DynamicValue`s). Warnings count as errors:
 * an unknown tag (a typo such as `!swep`) would otherwise load silently as a plain value.
 */
export function parseYaml(text: string, file: string): unknown {
  const doc = parseDocument(text, { customTags: configYamlTags });
  const problem: YAMLError | undefined = doc.errors[0] ?? doc.warnings[0];
  if (problem) {
    // The yaml package's message: "<reason> at line L, column C:", a blank line, an excerpt.
    const [first = '', ...rest] = problem.message.split('\n');
    const reason = first.replace(/ at line \d+, column \d+:?$/, '');
    const excerpt = rest.join('\n').replace(/^\n+|\s+$/g, '');
    const { line = 1, col = 1 } = problem.linePos?.[0] ?? {};
    throw new YamlSyntaxError(file, line, col, reason, excerpt);
  }
  return doc.toJS();
}

/**
 * The data of a JSON file. A syntax error names the line and column where V8 reports a position
 * (or the input ended); its other messages quote the text around the error instead.
 */
export function parseJson(text: string, file: string): unknown {
  const source = text.startsWith('\uFEFF') ? text.slice(1) : text;
  try {
    return JSON.parse(source);
  } catch (error) {
    const message = (error as Error).message;
    const position = /in JSON at position (\d+)/.exec(message);
    const offset = position ? Number(position[1]) : /end of JSON input/.test(message) ? source.length : undefined;
    const reason = message.replace(/ in JSON at position \d+.*$/, '');
    throw new JsonSyntaxError(file, offset === undefined ? undefined : lineAndColumn(source, offset), reason);
  }
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  const lineStart = before.lastIndexOf('\n') + 1;
  return { line: before.split('\n').length, column: offset - lineStart + 1 };
}
