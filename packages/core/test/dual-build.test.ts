import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { computeConfigId } from '../src';

// An app that loads the ESM and the CJS build at once still has one engine: configs, the
// registry and the async context are shared through Symbol.for keys. Needs `npm run build`
// (npm test runs it first).
const root = join(__dirname, '..', '..', '..');
const script = `
  import { createRequire } from 'node:module';
  const require = createRequire(import.meta.url);
  const esm = await import('@spearmint/decorators');
  const cjs = require('@spearmint/decorators');
  const mint = new esm.Spearmint({ configs: [{ a: 1 }, { a: 2 }] });
  const fn = mint.experiment()(function f(config) {
    return [cjs.currentCase()?.getConfigId(f), cjs.isConfig(config), config.a];
  });
  const results = cjs.run(fn, true, (runner) => runner());
  // @spearmint/core/internal is built with the main entry: same chunk, same classes, per format.
  const esmInternal = await import('@spearmint/core/internal');
  const cjsInternal = require('@spearmint/core/internal');
  console.log(JSON.stringify({
    internalSharesEsmEngine: esmInternal.findExperimentBinding(fn).experiment instanceof esmInternal.Experiment,
    resultClassShared: esm.run(fn, (runner) => runner()).mainResult instanceof esm.FunctionResult,
    internalAcrossFormats: cjsInternal.findExperimentBinding(fn)?.experiment === esmInternal.findExperimentBinding(fn).experiment,
    separateCopies: esm.Config !== cjs.Config,
    direct: fn(),
    variants: results.variantResults.map((v) => v.result),
    configAcross: esm.isConfig(new cjs.Config({ a: 1 })),
    sweepAcross: esm.isDynamicValue(new cjs.DynamicValue([1])),
  }));
`;

it('the ESM and CJS builds loaded together share one engine', () => {
  for (const file of ['core/dist/index.mjs', 'core/dist/index.cjs', 'core/dist/internal.mjs', 'core/dist/internal.cjs', 'decorators/dist/index.mjs', 'decorators/dist/index.cjs']) {
    expect(existsSync(join(root, 'packages', file)) || `missing packages/${file}: run npm run build`).toBe(true);
  }
  const output = JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: root, encoding: 'utf8' }));
  const id = (a: number) => computeConfigId({ a });
  expect(output).toEqual({
    internalSharesEsmEngine: true,
    resultClassShared: true,
    internalAcrossFormats: true,
    separateCopies: true,
    direct: [id(1), true, 1],
    variants: [[id(2), true, 2]],
    configAcross: true,
    sweepAcross: true,
  });
});
