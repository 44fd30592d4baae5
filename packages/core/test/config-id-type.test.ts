import { join } from 'node:path';
import { Config, InvalidConfigError, resolveConfigs } from '../src';
import { errorOf } from './helpers/error-of';
import { tempFiles } from './helpers/temp-files';

const write = tempFiles();

// The README says a config_id is a non-empty string; numbers are not coerced (Python would keep an int).
describe('a config_id must be a non-empty string', () => {
  it.each([
    [5, '5 (number)'],
    [NaN, 'NaN (number)'],
    [1.5, '1.5 (number)'],
    [10n, '10 (bigint)'],
  ])('%p is an InvalidConfigError naming the source', (id, described) => {
    const error = errorOf(() => resolveConfigs([{ a: 1 }, { config_id: id }]));
    expect(error).toBeInstanceOf(InvalidConfigError);
    expect(error.message).toBe(
      `Invalid config at configs[1]: config_id must be a non-empty string, got ${described}. ` +
        `Write it as a string (in YAML or JSON: quoted, as in config_id: "${String(id)}").`,
    );
  });

  it.each([[''], [null], [true], [{}]])('%p is an InvalidConfigError too', (id) => {
    expect(errorOf(() => new Config({ config_id: id }))).toBeInstanceOf(InvalidConfigError);
  });

  it('a numeric config_id in a YAML or JSON file names the file and the item', () => {
    const dir = write({ 'a.yaml': 'config_id: 5\nmodel: m\n', 'b.json': '[{"config_id": "ok"}, {"config_id": 1.5}]' });
    expect(errorOf(() => resolveConfigs([join(dir, 'a.yaml')])).message).toMatch(
      new RegExp(`^Invalid config at file ${join(dir, 'a.yaml').replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}: config_id must be a non-empty string, got 5 \\(number\\)`),
    );
    expect(errorOf(() => resolveConfigs([join(dir, 'b.json')])).message).toContain(`Invalid config at file ${join(dir, 'b.json')}, item 1: config_id must be`);
  });

  it('a quoted number is a string, kept as given', () => {
    const dir = write({ 'a.yaml': 'config_id: "5"\n' });
    expect(resolveConfigs([join(dir, 'a.yaml')])[0]!.config_id).toBe('5');
  });
});
