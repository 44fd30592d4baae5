import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Config, RuntimeContext, strategies, withContext } from '../src';

interface Vector {
  experiment: string;
  value: string | number;
  weights: number[];
  index: number;
}

const fixtures = join(__dirname, 'fixtures');
// Computed by fixtures/weighted-vectors.py, whose function is the README's Python snippet.
const vectors = JSON.parse(readFileSync(join(fixtures, 'weighted-vectors.json'), 'utf8')) as Vector[];

describe('strategies.weighted against the Python snippet', () => {
  it(`assigns every one of the ${vectors.length} vectors as Python computed`, () => {
    expect(vectors.length).toBeGreaterThan(300);
    const mismatches = vectors.filter(({ experiment, value, weights, index }) => {
      const configs = weights.map((_, i) => new Config({ config_id: `c${i}` }));
      const strategy = strategies.weighted({ weights, key: 'userId' });
      const [main] = withContext({ userId: value }, () => strategy(configs, new RuntimeContext(experiment)));
      return main.config_id !== `c${index}`;
    });
    expect(mismatches).toEqual([]);
  });

  it('the README shows the snippet that made the vectors, character for character', () => {
    const marked = (text: string) => /# --- README snippet ---\n([\s\S]*?)# --- end of README snippet ---\n/.exec(text)?.[1];
    const snippet = marked(readFileSync(join(fixtures, 'weighted-vectors.py'), 'utf8'));
    expect(snippet).toMatch(/^def weighted_assignment/);
    const readme = readFileSync(join(__dirname, '..', '..', '..', 'README.md'), 'utf8');
    const pythonBlocks = [...readme.matchAll(/```python\n([\s\S]*?)```/g)].map((match) => match[1]);
    expect(pythonBlocks).toContain(snippet);
  });
});
