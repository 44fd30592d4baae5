// Builds every package to ESM + CJS + bundled .d.ts (one per format). Everything that is not a
// relative import stays external: @spearmint/* (one engine per process), node:*, dependencies.
import { readFileSync } from 'node:fs';
import typescript from '@rollup/plugin-typescript';
import { dts } from 'rollup-plugin-dts';

const packages = ['core', 'decorators', 'nestjs'];
// Except tslib: its few helpers (__decorate, __metadata for @spearmint/nestjs's legacy decorators)
// are bundled, so no package needs tslib at run time.
const external = (id) => id !== 'tslib' && !id.startsWith('.') && !id.startsWith('/') && !id.startsWith('\0');

export default packages.flatMap((name) => {
  const dir = `packages/${name}`;
  const pkg = JSON.parse(readFileSync(`${dir}/package.json`, 'utf8'));
  const input = `${dir}/src/index.ts`;
  const tsconfig = `${dir}/tsconfig.build.json`;
  return [
    {
      input,
      external,
      plugins: [typescript({ tsconfig, declaration: false, outDir: `${dir}/dist`, include: [`${dir}/src/**/*.ts`] })],
      output: [
        { file: `${dir}/dist/index.mjs`, format: 'es', sourcemap: true },
        { file: `${dir}/dist/index.cjs`, format: 'cjs', sourcemap: true, exports: 'named' },
      ],
      onwarn(warning, warn) {
        if (warning.code === 'CIRCULAR_DEPENDENCY') throw new Error(`${pkg.name}: ${warning.message}`);
        warn(warning);
      },
    },
    {
      input,
      external,
      plugins: [dts({ tsconfig, compilerOptions: { paths: {} } })],
      output: [
        { file: `${dir}/dist/index.d.mts`, format: 'es' },
        { file: `${dir}/dist/index.d.cts`, format: 'es' },
      ],
    },
  ];
});
