import { CST, type Document, isNode, isScalar, Lexer, LineCounter, parseDocument, visit, type YAMLError } from 'yaml';
import { ConfigFileTooLargeError, JsonSyntaxError, SpearmintError, TooManyConfigsError, YamlSyntaxError } from '../errors';
import { messageOf } from '../internal/describe-error';
import { CONFIG_LIMITS } from './config-limits';
import { configYamlTags } from './yaml-sweep-tag';

/**
 * The data of a YAML file (`!sweep` sequences as `DynamicValue`s). Warnings count as errors:
 * an unknown tag (a typo such as `!swep`) would otherwise load silently as a plain value. The
 * file's tokens and aliases are counted first (`CONFIG_LIMITS`): parsing costs about 1 KB of
 * memory per token, and each alias a walk over the anchors before it.
 */
export function parseYaml(text: string, file: string): unknown {
  checkYamlSize(text, file);
  const lineCounter = new LineCounter();
  // Duplicate keys are found by `checkYamlNodes` in linear time; the yaml package's own check is quadratic.
  const doc = parseDocument(text, { customTags: configYamlTags, uniqueKeys: false, lineCounter });
  const found = checkYamlNodes(doc, file, lineCounter);
  const parseError = doc.errors[0];
  const first = found.duplicate && (!parseError || found.duplicate.offset < parseError.pos[0]) ? found.duplicate : parseError ?? doc.warnings[0];
  if (first) throw yamlError(file, text, lineCounter, first);
  try {
    return doc.toJS({ maxAliasCount: CONFIG_LIMITS.maxAliasCount });
  } catch (error) {
    if (error instanceof SpearmintError) throw error;
    // The yaml package's `ReferenceError: Excessive alias count…`, which names no file or place.
    const where = found.firstAlias ?? 0;
    const reason =
      `${messageOf(error).replace(/\.$/, '')} (the aliases, from the first one here, expand to more than ` +
      `CONFIG_LIMITS.maxAliasCount = ${CONFIG_LIMITS.maxAliasCount} uses of their anchors)`;
    throw yamlError(file, text, lineCounter, { offset: where, message: reason });
  }
}

// A plain scalar is two lexer tokens: a 'scalar' marker (counted) and its text (type null).
const UNCOUNTED_TOKENS = new Set(['space', 'newline', 'comment', 'byte-order-mark', 'doc-mode', null]);

/** Counts the file's tokens with the yaml lexer (cheap) before parsing (about 1 KB per token). */
function checkYamlSize(text: string, file: string): void {
  const { maxYamlTokens } = CONFIG_LIMITS;
  let count = 0;
  for (const token of new Lexer().lex(text)) {
    if (!UNCOUNTED_TOKENS.has(CST.tokenType(token)) && ++count > maxYamlTokens) {
      throw new ConfigFileTooLargeError(file, `more than ${maxYamlTokens} YAML tokens`, `CONFIG_LIMITS.maxYamlTokens (${maxYamlTokens})`);
    }
  }
}

interface Problem {
  readonly offset: number;
  readonly message: string;
}

/**
 * One walk over the parsed nodes: the first duplicate map key, the first alias, and the
 * aliases and `!sweep` lengths against their limits.
 */
function checkYamlNodes(doc: Document.Parsed, file: string, lines: LineCounter): { duplicate?: Problem; firstAlias?: number } {
  const { maxYamlAliases, maxConfigs } = CONFIG_LIMITS;
  let duplicate: Problem | undefined;
  let firstAlias: number | undefined;
  let aliases = 0;
  visit(doc, {
    Map(_key, map) {
      const seen = new Set<unknown>();
      for (const { key } of map.items) {
        // As the yaml package compares keys (===): scalars by value, other nodes by identity.
        const id = isScalar(key) ? key.value : key;
        if (Number.isNaN(id)) continue; // NaN !== NaN, but a Set would match it
        if (seen.has(id)) {
          const offset = isNode(key) ? (key.range?.[0] ?? 0) : 0;
          if (!duplicate || offset < duplicate.offset) duplicate = { offset, message: 'Map keys must be unique' };
        }
        seen.add(id);
      }
    },
    Seq(_key, seq) {
      if (seq.tag === '!sweep' && seq.items.length > maxConfigs) {
        throw new TooManyConfigsError(`file ${file}`, seq.items.length, maxConfigs, `the !sweep at ${positionOf(lines, seq.range?.[0] ?? 0)}`);
      }
    },
    Alias(_key, alias) {
      firstAlias ??= alias.range?.[0];
      if (++aliases > maxYamlAliases) {
        throw new ConfigFileTooLargeError(file, `more than ${maxYamlAliases} aliases (*name)`, `CONFIG_LIMITS.maxYamlAliases (${maxYamlAliases})`);
      }
    },
  });
  return { duplicate, firstAlias };
}

function positionOf(lines: LineCounter, offset: number): string {
  const { line, col } = lines.linePos(offset);
  return `line ${line}, column ${col}`;
}

/** A `YamlSyntaxError` at the error's position, with the yaml package's excerpt when it made one. */
function yamlError(file: string, text: string, lines: LineCounter, problem: YAMLError | Problem): YamlSyntaxError {
  const offset = 'pos' in problem ? problem.pos[0] : problem.offset;
  const { line, col } = lines.linePos(Math.max(0, offset));
  // The yaml package's message: "<reason> at line L, column C:", a blank line, an excerpt.
  const [first = '', ...rest] = problem.message.split('\n');
  const reason = first.replace(/ at line \d+, column \d+:?$/, '');
  const excerpt = 'pos' in problem ? rest.join('\n').replace(/^\n+|\s+$/g, '') : excerptAt(text, lines, line, col);
  return new YamlSyntaxError(file, line, col, reason, excerpt);
}

/** The line at fault and a caret under the column (long lines cut to 80 characters). */
function excerptAt(text: string, lines: LineCounter, line: number, col: number): string {
  const start = lines.lineStarts[line - 1] ?? 0;
  const end = lines.lineStarts[line] ?? text.length;
  const source = text.slice(start, end).replace(/[\r\n]+$/, '');
  const from = Math.max(0, Math.min(col - 40, source.length - 80));
  return `${source.slice(from, from + 80)}\n${' '.repeat(col - 1 - from)}^`;
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
