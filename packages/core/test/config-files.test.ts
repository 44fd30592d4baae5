import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Config, computeConfigId, DuplicateConfigIdError, DynamicValue, isConfig, isDynamicValue, resolveConfigs } from '../src';
import { parseYaml } from '../src/config/parse-config-text';
import { assertUniqueConfigIds, describeConfigSource } from '../src/config/resolve-configs';
import { tempFiles } from './helpers/temp-files';

const fixtures = join(__dirname, 'fixtures', 'configs');
const write = tempFiles();

describe('config files', () => {
  it('loads a YAML file as one config, with the id the Python library computes', () => {
    const [config, ...rest] = resolveConfigs([join(fixtures, 'dir', 'config0.yaml')]);
    expect(rest).toEqual([]);
    expect(isConfig(config)).toBe(true);
    expect({ ...config }).toEqual({ id: 10, model: 'gpt-4o', config_id: computeConfigId({ id: 10, model: 'gpt-4o' }) });
    expect(Object.isFrozen(config)).toBe(true);
  });

  it('loads a JSON file, deeply frozen', () => {
    const [config] = resolveConfigs([join(fixtures, 'settings.json')]);
    expect(config!.retrieval).toEqual({ top_k: 5, sources: ['docs', 'faq'] });
    expect(Object.isFrozen(config!.retrieval.sources)).toBe(true);
  });

  it('gives one config per item of a top-level list (YAML and JSON), keeping their config_id', () => {
    const configs = resolveConfigs([join(fixtures, 'list.yaml'), join(fixtures, 'list.json')]);
    expect(configs.map((c) => c.config_id)).toEqual(['concise', 'detailed', 'json-a', 'json-b']);
    expect(describeConfigSource(configs[1]!)).toBe(`file ${join(fixtures, 'list.yaml')}, item 1`);
  });

  it('loads a directory of three YAML files as three configs, in path order, skipping other files', () => {
    const configs = resolveConfigs([join(fixtures, 'dir')]);
    expect(configs.map((c) => c.id)).toEqual([10, 20, 30]);
    expect(configs.map(describeConfigSource)).toEqual([
      `file ${join(fixtures, 'dir', 'config0.yaml')}`,
      `file ${join(fixtures, 'dir', 'config1.yaml')}`,
      `file ${join(fixtures, 'dir', 'nested', 'config2.yml')}`,
    ]);
  });

  it('loads a directory as Python does (.yaml, then .yml, each sorted by path), then .json, any extension case', () => {
    const dir = write({ 'a-b.yaml': 'n: 2', 'a/x.yml': 'n: 3', 'a.json': '{"n": 4}', 'B.YAML': 'n: 1', 'a/readme.md': '# no' });
    expect(resolveConfigs([dir]).map((c) => c.n)).toEqual([1, 2, 3, 4]);
  });

  it('expands !sweep in a file like any DynamicValue (first key slowest)', () => {
    const configs = resolveConfigs([join(fixtures, 'sweep.yaml')]);
    expect(configs.map((c) => [c.model, c.llm.temperature])).toEqual([
      ['gpt-4o', 0.2],
      ['gpt-4o', 0.8],
      ['gpt-4o-mini', 0.2],
      ['gpt-4o-mini', 0.8],
    ]);
    expect(configs.every((c) => c.llm.max_tokens === 256)).toBe(true);
    expect(configs[0]!.config_id).toBe(computeConfigId({ model: 'gpt-4o', llm: { temperature: 0.2, max_tokens: 256 } }));
    expect(describeConfigSource(configs[1]!)).toBe(`file ${join(fixtures, 'sweep.yaml')} (expansion 2 of 4)`);
  });

  it('reads !sweep items of any YAML kind, anchors included', () => {
    const dir = write({ 'c.yaml': 'base: &base {k: 1}\nllm: !sweep [*base, {k: 2}, [1, 2]]\n' });
    expect(resolveConfigs([dir]).map((c) => c.llm)).toEqual([{ k: 1 }, { k: 2 }, [1, 2]]);
  });

  it('makes !sweep a DynamicValue when parsed', () => {
    const data = parseYaml('t: !sweep [1, 2]', 'inline.yaml') as { t: DynamicValue };
    expect(isDynamicValue(data.t)).toBe(true);
    expect([...data.t]).toEqual([1, 2]);
  });

  it('resolves a relative path against process.cwd() and accepts a file: URL', () => {
    const relativePath = relative(process.cwd(), join(fixtures, 'settings.json'));
    expect(relativePath.startsWith('/')).toBe(false);
    const url = pathToFileURL(join(fixtures, 'dir', 'config1.yaml'));
    expect(resolveConfigs([relativePath, url]).map((c) => c.model)).toEqual(['gpt-4o', 'gpt-4o-mini']);
  });

  it('mixes files, directories, objects and Config values in order', () => {
    const config = new Config({ config_id: 'given' });
    const configs = resolveConfigs([{ id: 0 }, join(fixtures, 'dir'), config, join(fixtures, 'list.yaml'), { n: new DynamicValue([1, 2]) }]);
    expect(configs.map((c) => c.id ?? c.n ?? c.config_id)).toEqual([0, 10, 20, 30, 'given', 'concise', 'detailed', 1, 2]);
    expect(configs[4]).toBe(config);
  });

  it('names both files when two of them give the same config_id', () => {
    const dir = write({ 'a.yaml': 'config_id: same\nx: 1', 'b.json': '[{"config_id": "other"}, {"config_id": "same"}]' });
    const configs = resolveConfigs([dir]);
    expect(() => assertUniqueConfigIds(configs, "in experiment 'f'")).toThrow(DuplicateConfigIdError);
    expect(() => assertUniqueConfigIds(configs, "in experiment 'f'")).toThrow(
      `Duplicate config_id 'same' in experiment 'f': it comes from file ${join(dir, 'a.yaml')} and from file ${join(dir, 'b.json')}, item 1.`,
    );
  });
});
