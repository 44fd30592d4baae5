import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import {
  ConfigFileNotFoundError,
  ConfigFileReadError,
  EmptyConfigDirectoryError,
  EmptyDynamicValueError,
  InvalidConfigError,
  JsonSyntaxError,
  resolveConfigs,
  SpearmintError,
  UnsupportedConfigFileError,
  YamlSyntaxError,
} from '../src';
import { tempFiles } from './helpers/temp-files';

const write = tempFiles();

/** The error `resolveConfigs(sources)` throws (fails the test when it throws none). */
function errorOf(sources: unknown[]): SpearmintError {
  try {
    resolveConfigs(sources as never);
  } catch (error) {
    return error as SpearmintError;
  }
  throw new Error('expected resolveConfigs to throw');
}

describe('config file errors', () => {
  it('InvalidConfigError: a file whose top level is not a mapping names the file', () => {
    const dir = write({ 'scalar.yaml': '42\n' });
    const error = errorOf([join(dir, 'scalar.yaml')]);
    expect(error).toBeInstanceOf(InvalidConfigError);
    expect(error.code).toBe('SPEARMINT_INVALID_CONFIG');
    expect(error.message).toBe(
      `Invalid config at file ${join(dir, 'scalar.yaml')}: expected a mapping (an object of keys and values) at the top level, got 42 (number).`,
    );
  });

  it('InvalidConfigError: a list item that is not a mapping names the file and the item index', () => {
    const dir = write({ 'list.json': '[{"a": 1}, "oops"]' });
    const error = errorOf([join(dir, 'list.json')]);
    expect(error).toBeInstanceOf(InvalidConfigError);
    expect(error.message).toContain(`file ${join(dir, 'list.json')}, item 1: expected a mapping`);
    expect(error.message).toContain('"oops" (string)');
  });

  it('InvalidConfigError: an empty file, or an empty list, names the file', () => {
    const dir = write({ 'empty.yaml': '# nothing yet\n', 'none.json': '[]' });
    expect(errorOf([join(dir, 'empty.yaml')])).toBeInstanceOf(InvalidConfigError);
    expect(errorOf([join(dir, 'empty.yaml')]).message).toContain(`file ${join(dir, 'empty.yaml')}: the file is empty`);
    expect(errorOf([join(dir, 'none.json')]).message).toContain(`file ${join(dir, 'none.json')}: the file holds an empty list`);
  });

  it('InvalidConfigError: a source that is neither an object, a Config nor a path names its position', () => {
    expect(errorOf([{ a: 1 }, 42])).toBeInstanceOf(InvalidConfigError);
    expect(errorOf([{ a: 1 }, 42]).message).toMatch(/^Invalid config at configs\[1\]: expected a plain object, a Config, or the path/);
    expect(errorOf([''])).toBeInstanceOf(InvalidConfigError);
    expect(errorOf([new URL('https://example.com/c.yaml')]).message).toContain('https://example.com/c.yaml is not a file: URL');
  });

  it('ConfigFileNotFoundError: a missing file names the path given and the absolute path looked at', () => {
    const dir = write({});
    const error = errorOf([{ a: 1 }, join(dir, 'missing.yaml')]);
    expect(error).toBeInstanceOf(ConfigFileNotFoundError);
    expect(error.code).toBe('SPEARMINT_CONFIG_FILE_NOT_FOUND');
    expect(error.message).toContain(`Config path '${join(dir, 'missing.yaml')}' (configs[1]) does not exist`);
    expect((error as ConfigFileNotFoundError).path).toBe(join(dir, 'missing.yaml'));
  });

  it('ConfigFileNotFoundError: a missing relative directory names the working directory it resolved against', () => {
    const error = errorOf(['no-such-configs/']);
    expect(error).toBeInstanceOf(ConfigFileNotFoundError);
    expect(error.message).toContain(`there is no file or directory at ${join(process.cwd(), 'no-such-configs')}`);
    expect(error.message).toContain(`working directory (${process.cwd()})`);
  });

  it('EmptyConfigDirectoryError: a directory without config files names the directory', () => {
    const dir = write({ 'README.md': '# configs go here', 'sub/notes.txt': 'none' });
    const error = errorOf([dir]);
    expect(error).toBeInstanceOf(EmptyConfigDirectoryError);
    expect(error.code).toBe('SPEARMINT_EMPTY_CONFIG_DIRECTORY');
    expect(error.message).toContain(`Config directory ${dir} (configs[0]) holds no config files`);
  });

  it('UnsupportedConfigFileError: a file of another kind names the file and its extension', () => {
    const dir = write({ 'config.toml': 'a = 1' });
    const error = errorOf([join(dir, 'config.toml')]);
    expect(error).toBeInstanceOf(UnsupportedConfigFileError);
    expect(error.code).toBe('SPEARMINT_UNSUPPORTED_CONFIG_FILE');
    expect(error.message).toContain(`Config file ${join(dir, 'config.toml')} (configs[0]) has the extension '.toml'`);
  });

  it('ConfigFileReadError: a file that cannot be read names the file', () => {
    const dir = write({});
    symlinkSync('loop.yaml', join(dir, 'loop.yaml')); // a link to itself: ELOOP on read
    const error = errorOf([join(dir, 'loop.yaml')]);
    expect(error).toBeInstanceOf(ConfigFileReadError);
    expect(error.message).toContain(`Cannot read config file ${join(dir, 'loop.yaml')}`);
  });

  it('YamlSyntaxError: names the file, the line and the column, with an excerpt', () => {
    const dir = write({ 'bad.yaml': 'model: gpt-4o\nllm:\n  temperature: [0.2, 0.8\nmax_tokens: 5\n' });
    const error = errorOf([join(dir, 'bad.yaml')]) as YamlSyntaxError;
    expect(error).toBeInstanceOf(YamlSyntaxError);
    expect(error.code).toBe('SPEARMINT_YAML_SYNTAX');
    expect([error.file, error.line, error.column]).toEqual([join(dir, 'bad.yaml'), 4, 1]);
    expect(error.message).toMatch(new RegExp(`^YAML error in ${escape(join(dir, 'bad.yaml'))} at line 4, column 1: Flow sequence .+\\.\\n\\n`));
    expect(error.message).toContain('\n\n  temperature: [0.2, 0.8\nmax_tokens: 5\n^\n\nFix the file at that position.');
  });

  it('YamlSyntaxError: a duplicate key names its line', () => {
    const dir = write({ 'dup.yml': 'model: a\nmodel: b\n' });
    const error = errorOf([dir]) as YamlSyntaxError;
    expect(error).toBeInstanceOf(YamlSyntaxError);
    expect(error.message).toContain(`${join(dir, 'dup.yml')} at line 2, column 1: Map keys must be unique`);
  });

  it('YamlSyntaxError: !sweep on a scalar, and an unknown tag, are errors with their position', () => {
    const dir = write({ 'scalar.yaml': 'a: 1\nt: !sweep 0.5\n', 'typo.yaml': 't: !swep [1, 2]\n' });
    const scalar = errorOf([join(dir, 'scalar.yaml')]);
    expect(scalar).toBeInstanceOf(YamlSyntaxError);
    expect(scalar.message).toContain('at line 2, column 4: the !sweep tag takes a sequence of values');
    const typo = errorOf([join(dir, 'typo.yaml')]);
    expect(typo).toBeInstanceOf(YamlSyntaxError);
    expect(typo.message).toContain(`${join(dir, 'typo.yaml')} at line 1, column 4: Unresolved tag: !swep`);
  });

  it('JsonSyntaxError: names the file, the line and the column', () => {
    const dir = write({ 'bad.json': '{\n  "model": "gpt-4o",\n  "top_k": 5,\n}\n' });
    const error = errorOf([join(dir, 'bad.json')]) as JsonSyntaxError;
    expect(error).toBeInstanceOf(JsonSyntaxError);
    expect(error.code).toBe('SPEARMINT_JSON_SYNTAX');
    expect([error.line, error.column]).toEqual([4, 1]);
    expect(error.message).toContain(`JSON syntax error in ${join(dir, 'bad.json')} at line 4, column 1: `);
  });

  it('JsonSyntaxError: without a position from the parser, quotes the text around the error', () => {
    const dir = write({ 'comma.json': '{ "stops": ["a", "b",] }' });
    const error = errorOf([join(dir, 'comma.json')]) as JsonSyntaxError;
    expect(error).toBeInstanceOf(JsonSyntaxError);
    expect([error.line, error.column]).toEqual([undefined, undefined]);
    expect(error.message).toMatch(new RegExp(`^JSON syntax error in ${escape(join(dir, 'comma.json'))}: Unexpected token '\\]'.*"b",\\].*`));
  });

  it('JsonSyntaxError: a truncated file points at its end', () => {
    const dir = write({ 'cut.json': '{\n  "a": [1, 2' });
    const error = errorOf([join(dir, 'cut.json')]) as JsonSyntaxError;
    expect(error).toBeInstanceOf(JsonSyntaxError);
    expect([error.line, error.column]).toEqual([2, 13]); // just past `  "a": [1, 2`
  });

  it('EmptyDynamicValueError: an empty !sweep names the file and the key path', () => {
    const dir = write({ 'sweep.yaml': 'model: !sweep [a, b]\nllm:\n  temperature: !sweep []\n' });
    const error = errorOf([dir]);
    expect(error).toBeInstanceOf(EmptyDynamicValueError);
    expect(error.message).toContain(`at key 'llm.temperature' of file ${join(dir, 'sweep.yaml')} has no values`);
  });
});

function escape(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
