import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

// The layers of packages/core/ARCHITECTURE.md: a file imports only from its own layer and lower ones.
const src = join(__dirname, '..', 'src');
const LAYERS: ReadonlyArray<readonly string[]> = [
  ['internal/', 'errors.ts'],
  ['config/'],
  ['context/request-context.ts', 'strategies/', 'http/'],
  ['results/'],
  ['context/current-execution.ts'],
  ['tracing/', 'recording/'],
  ['supervision/'],
  ['run/'],
  ['experiment/'],
  ['evaluation/'],
  ['index.ts', 'internal-api.ts'],
];

function layerOf(file: string): number {
  const index = LAYERS.findIndex((layer) => layer.some((prefix) => file === prefix || (prefix.endsWith('/') && file.startsWith(prefix))));
  return index;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(join(dir, entry.name)) : entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [join(dir, entry.name)] : [],
  );
}

it('every source file of core belongs to a layer and imports nothing from a higher one (types included)', () => {
  const problems: string[] = [];
  for (const path of sourceFiles(src)) {
    const file = relative(src, path).split('\\').join('/');
    const own = layerOf(file);
    if (own < 0) problems.push(`${file}: in no layer; add its folder to ARCHITECTURE.md and to LAYERS here`);
    for (const [, specifier] of readFileSync(path, 'utf8').matchAll(/^(?:import|export)[^;]*?from '(\.[^']+)'/gm)) {
      const target = relative(src, resolve(dirname(path), specifier!)).split('\\').join('/') + '.ts';
      const layer = layerOf(target);
      if (layer > own) problems.push(`${file} (layer ${own + 1}) imports ${target} (layer ${layer + 1})`);
    }
  }
  expect(problems).toEqual([]);
});
