import vectors from './fixtures/config-id-vectors.json';
import { computeConfigId, Config } from '../src';
import { pythonJsonDumps } from '../src/config/python-json';

describe('config_id matches the Python library', () => {
  it.each(vectors.map((v) => [v.canonical, v]))('%s', (_canonical, vector) => {
    const { config_id: _id, ...withoutId } = vector.config as Record<string, unknown>;
    expect(pythonJsonDumps(withoutId)).toBe(vector.canonical);
    expect(new Config(vector.config).config_id).toBe(vector.config_id);
  });

  it('covers all 14 vectors', () => {
    expect(vectors).toHaveLength(14);
  });

  it('ignores a given config_id when hashing', () => {
    expect(computeConfigId({ config_id: 'x', model: 'gpt-4' })).toBe('09c986a294e78e7b');
  });
});

describe('pythonJsonDumps follows json.dumps(sort_keys=True)', () => {
  it.each([
    [0.5, '0.5'],
    [1e-5, '1e-05'],
    [1e16, '1e+16'],
    [1.5e-7, '1.5e-07'],
    [0.0001, '0.0001'],
    [123456789.125, '123456789.125'],
    [2 ** 53 + 2, '9007199254740994.0'],
    [1.2345678901234568e17, '1.2345678901234568e+17'],
    [-0, '-0.0'],
    [NaN, 'NaN'],
    [Infinity, 'Infinity'],
    [-Infinity, '-Infinity'],
    [3, '3'],
    [-12, '-12'],
    [10n ** 20n, '100000000000000000000'],
  ])('number %p as %s', (value, expected) => {
    expect(pythonJsonDumps(value)).toBe(expected);
  });

  it('escapes astral characters as surrogate pairs and control characters as \\u00XX', () => {
    expect(pythonJsonDumps('😀\u0001\u007f~')).toBe('"\\ud83d\\ude00\\u0001\\u007f~"');
  });

  it('sorts keys by code point, not by UTF-16 unit', () => {
    expect(pythonJsonDumps({ '\u{1F600}': 1, '\uFF01': 2, a: 3 })).toBe('{"a": 3, "\\uff01": 2, "\\ud83d\\ude00": 1}');
  });

  it('writes components as names and leaves undefined keys out', () => {
    class Client {}
    function tokenize() {}
    expect(pythonJsonDumps({ client: new Client(), fn: tokenize, gone: undefined, list: [undefined] })).toBe(
      '{"client": "<Client>", "fn": "<function tokenize>", "list": [null]}',
    );
  });
});
