import { mkdirSync, writeFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { resolveConfigs } from '../src';
import { compareLoadOrder } from '../src/config/find-config-files';
import { describeConfigSource } from '../src/config/resolve-configs';
import { tempFiles } from './helpers/temp-files';

const write = tempFiles();

/** Fills a fresh directory with one config per path (`path: <path>`), in the order given. */
function directoryOf(paths: readonly string[]): string {
  const dir = write({});
  for (const path of paths) {
    mkdirSync(join(dir, path, '..'), { recursive: true });
    writeFileSync(join(dir, path), path.toLowerCase().endsWith('.json') ? JSON.stringify({ path }) : `path: "${path}"\n`);
  }
  return dir;
}

describe('directory load order, as the Python library loads a directory', () => {
  it('a directory of a.yml and b.yaml has b.yaml as main, as in Python', () => {
    const dir = directoryOf(['a.yml', 'b.yaml']);
    const configs = resolveConfigs([dir]);
    expect(configs.map((c) => c.path)).toEqual(['b.yaml', 'a.yml']);
    expect(describeConfigSource(configs[0]!)).toBe(`file ${join(dir, 'b.yaml')}`);
  });

  it('matches sorted(rglob("*.yaml")) + sorted(rglob("*.yml")), then .json files', () => {
    // Expected: the order python3 (3.11) printed for these files, .json appended (Spearmint's addition).
    const python = ['B.yaml', 'a/x.yaml', 'a-b.yaml', 'b.yaml', 'sub/c.yaml', 'é.yaml', '！.yaml', '😀.yaml', 'Z.yml', 'a/y.yml', 'a.yml'];
    const files = [...python, 'a.json', 'Q/z.json'];
    const shuffled = [...files].reverse();
    const dir = directoryOf(shuffled);
    expect(resolveConfigs([dir]).map((c) => c.path)).toEqual([...python, 'Q/z.json', 'a.json']);
  });

  it('compares by code point, not by UTF-16 unit (U+FF01 before U+1F600)', () => {
    expect(compareLoadOrder(`d${sep}！.yaml`, `d${sep}😀.yaml`)).toBeLessThan(0);
    expect('！' < '😀').toBe(false); // what a plain string sort would get wrong
  });

  it('groups an extension in any letter case with its own (Python would skip such files)', () => {
    const dir = directoryOf(['b.YML', 'c.JSON', 'd.Yaml', 'a.json']);
    expect(resolveConfigs([dir]).map((c) => c.path)).toEqual(['d.Yaml', 'b.YML', 'a.json', 'c.JSON']);
  });
});
