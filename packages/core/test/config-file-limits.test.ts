import { symlinkSync } from 'node:fs';
import { join } from 'node:path';
import {
  CONFIG_LIMITS,
  ConfigFileTooLargeError,
  ConfigFileTypeError,
  resolveConfigs,
  TooManyConfigsError,
  YamlSyntaxError,
} from '../src';
import { readConfigText } from '../src/config/read-config-text';
import { errorOf } from './helpers/error-of';
import { fifoWriters } from './helpers/fifo-writers';
import { aliasBomb, sparseFile } from './helpers/hostile-configs';
import { tempFiles } from './helpers/temp-files';

const write = tempFiles();

describe('config file size', () => {
  it('a 50 MB file is a ConfigFileTooLargeError before it is read', () => {
    const file = sparseFile(write({}), 'huge.yaml', 50 * 1024 * 1024);
    const error = errorOf(() => resolveConfigs([file])) as ConfigFileTooLargeError;
    expect(error).toBeInstanceOf(ConfigFileTooLargeError);
    expect(error.code).toBe('SPEARMINT_CONFIG_FILE_TOO_LARGE');
    expect(error.message).toBe(
      `Config file ${file} is too large: 52428800 bytes, over CONFIG_LIMITS.maxFileBytes (1048576 bytes). ` +
        'A config file holds settings; keep large data out of it (load it in the function), or split it into several files.',
    );
  });

  it('a file of exactly the limit is read', () => {
    const dir = write({});
    const file = sparseFile(dir, 'max.json', CONFIG_LIMITS.maxFileBytes);
    expect(readConfigText(file)).toHaveLength(CONFIG_LIMITS.maxFileBytes);
    expect(errorOf(() => readConfigText(sparseFile(dir, 'over.json', CONFIG_LIMITS.maxFileBytes + 1)))).toBeInstanceOf(ConfigFileTooLargeError);
  });
});

describe('paths that are not regular files', () => {
  const fifoWithWriter = fifoWriters();

  it('a FIFO given directly is a ConfigFileTypeError, not a blocked set-up', () => {
    const fifo = fifoWithWriter(write({}), 'pipe.yaml');
    const error = errorOf(() => resolveConfigs([{ b: 2 }, fifo])) as ConfigFileTypeError;
    expect(error).toBeInstanceOf(ConfigFileTypeError);
    expect(error.code).toBe('SPEARMINT_CONFIG_FILE_TYPE');
    expect(error.message).toBe(
      `Config path ${fifo} (configs[1]) is a FIFO (named pipe), not a regular file or a directory; reading it could block set-up or never end. ` +
        'Point `configs` at a .yaml, .yml or .json file, or at a directory of them.',
    );
  });

  it('a link to a FIFO, and a link to a device, are ConfigFileTypeErrors', () => {
    const dir = write({});
    const fifo = fifoWithWriter(dir, 'pipe');
    symlinkSync(fifo, join(dir, 'via-link.yaml'));
    symlinkSync('/dev/null', join(dir, 'null.json'));
    expect(errorOf(() => resolveConfigs([join(dir, 'via-link.yaml')]))).toBeInstanceOf(ConfigFileTypeError);
    const device = errorOf(() => resolveConfigs([join(dir, 'null.json')]));
    expect(device).toBeInstanceOf(ConfigFileTypeError);
    expect(device.message).toContain('is a character device');
  });

  it('the reader checks the opened file itself (a path swapped after the directory walk)', () => {
    const fifo = fifoWithWriter(write({}), 'late.yaml');
    expect(errorOf(() => readConfigText(fifo))).toBeInstanceOf(ConfigFileTypeError);
  });

  it('a directory skips FIFOs and links to devices', () => {
    const dir = write({ 'a.yaml': 'n: 1' });
    fifoWithWriter(dir, 'pipe.yaml');
    symlinkSync('/dev/null', join(dir, 'null.yaml'));
    expect(resolveConfigs([dir]).map((c) => c.n)).toEqual([1]);
  });
});

describe('YAML aliases', () => {
  it('an alias bomb is a YamlSyntaxError naming the file and the first alias', () => {
    const dir = write({ 'bomb.yaml': aliasBomb(9) });
    const error = errorOf(() => resolveConfigs([join(dir, 'bomb.yaml')])) as YamlSyntaxError;
    expect(error).toBeInstanceOf(YamlSyntaxError);
    expect([error.file, error.line, error.column]).toEqual([join(dir, 'bomb.yaml'), 2, 8]);
    expect(error.message).toContain(
      `YAML error in ${join(dir, 'bomb.yaml')} at line 2, column 8: Excessive alias count indicates a resource exhaustion attack ` +
        '(the aliases, from the first one here, expand to more than CONFIG_LIMITS.maxAliasCount = 1000 uses of their anchors).',
    );
    expect(error.message).toContain('\n\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\n       ^\n\n');
  });

  it('a file with 150 aliases of one anchor loads', () => {
    const items = new Array(150).fill('  - *base').join('\n');
    const dir = write({ 'aliases.yaml': `base: &base {k: 1}\nitems:\n${items}\n` });
    const [config] = resolveConfigs([join(dir, 'aliases.yaml')]);
    expect(config!.items).toHaveLength(150);
    expect(config!.items[149]).toEqual({ k: 1 });
  });

  it('more alias nodes than CONFIG_LIMITS.maxYamlAliases is a ConfigFileTooLargeError', () => {
    const items = new Array(CONFIG_LIMITS.maxYamlAliases + 1).fill('  - *n').join('\n');
    const dir = write({ 'many.yaml': `n: &n 1\nitems:\n${items}\n` });
    const error = errorOf(() => resolveConfigs([join(dir, 'many.yaml')]));
    expect(error).toBeInstanceOf(ConfigFileTooLargeError);
    expect(error.message).toContain('is too large: more than 1000 aliases (*name), over CONFIG_LIMITS.maxYamlAliases (1000)');
  });
});

describe('YAML size in tokens', () => {
  it('more tokens than CONFIG_LIMITS.maxYamlTokens is a ConfigFileTooLargeError before parsing', () => {
    const dir = write({ 'flow.yaml': `a: [${new Array(60_000).fill('0').join(',')}]\n` }); // 120,001 tokens in 120 KB
    const error = errorOf(() => resolveConfigs([join(dir, 'flow.yaml')]));
    expect(error).toBeInstanceOf(ConfigFileTooLargeError);
    expect(error.message).toContain('is too large: more than 100000 YAML tokens, over CONFIG_LIMITS.maxYamlTokens (100000)');
  });

  it('counts neither spaces nor comments', () => {
    const comment = `# ${'x'.repeat(100)}\n`;
    const dir = write({ 'wide.yaml': `${comment.repeat(5000)}a: [${new Array(40_000).fill('0').join(',   ')}]\n` });
    expect(resolveConfigs([join(dir, 'wide.yaml')])[0]!.a).toHaveLength(40_000);
  });
});

describe('YAML duplicate keys (checked in one pass)', () => {
  it('names the first duplicate of a large mapping', () => {
    const lines = Array.from({ length: 30_000 }, (_, i) => `k${i}: ${i}`);
    const dir = write({ 'big.yaml': `${lines.join('\n')}\nk7: again\n` });
    const error = errorOf(() => resolveConfigs([join(dir, 'big.yaml')])) as YamlSyntaxError;
    expect(error).toBeInstanceOf(YamlSyntaxError);
    expect([error.line, error.column, error.reason]).toEqual([30_001, 1, 'Map keys must be unique']);
    expect(error.message).toContain('\n\nk7: again\n^\n\n');
  });

  it('reports whichever comes first, a duplicate key or a syntax error', () => {
    const dir = write({ 'dup-first.yaml': 'a: 1\na: 2\nb: [1\n', 'syntax-first.yaml': 'b: [1\nc: 2\na: 1\na: 2\n' });
    expect((errorOf(() => resolveConfigs([join(dir, 'dup-first.yaml')])) as YamlSyntaxError).line).toBe(2);
    expect((errorOf(() => resolveConfigs([join(dir, 'syntax-first.yaml')])) as YamlSyntaxError).reason).not.toBe('Map keys must be unique');
  });

  it('compares keys as the yaml package does: by value, so 1 and "1" differ', () => {
    const dir = write({ 'keys.yaml': '1: a\n"1": b\nnested: {x: 1, y: 2}\n' });
    expect(() => resolveConfigs([join(dir, 'keys.yaml')])).not.toThrow();
    const dup = write({ 'flow.yaml': 'nested: {x: 1, x: 2}\n' });
    expect(errorOf(() => resolveConfigs([join(dup, 'flow.yaml')])).message).toContain('at line 1, column 16: Map keys must be unique');
  });
});

describe('!sweep size', () => {
  it('a !sweep longer than CONFIG_LIMITS.maxConfigs names the file and its position', () => {
    const dir = write({ 'sweep.yaml': `x: 1\nt: !sweep [${Array.from({ length: 10_001 }, (_, i) => i).join(', ')}]\n` });
    const error = errorOf(() => resolveConfigs([join(dir, 'sweep.yaml')])) as TooManyConfigsError;
    expect(error).toBeInstanceOf(TooManyConfigsError);
    expect(error.message).toContain(`Too many configs at file ${join(dir, 'sweep.yaml')}: the !sweep at line 2, column 11 gives 10,001 configs`);
  });
});
