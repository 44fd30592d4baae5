// Builds every package to ESM + CJS + bundled .d.ts (one per format). Everything that is not a
// relative import stays external: @spearmint/* (one engine per process), node:*, dependencies.
import { chmodSync, readFileSync } from 'node:fs';
import typescript from '@rollup/plugin-typescript';
import { dts } from 'rollup-plugin-dts';

const packages = ['core', 'decorators', 'nestjs', 'cli'];
// Except tslib: its few helpers (__decorate, __metadata for @spearmint/nestjs's legacy decorators)
// are bundled, so no package needs tslib at run time.
const external = (id) => id !== 'tslib' && !id.startsWith('.') && !id.startsWith('/') && !id.startsWith('\0');

// ES module builds that need `__filename`: core resolves the optional @opentelemetry/api from its
// own file with createRequire (packages/core/src/tracing/otel-api.ts); CommonJS has it already.
const esmBanners = {
  core:
    "import { fileURLToPath as __spearmintFileURLToPath } from 'node:url';\n" +
    'const __filename = __spearmintFileURLToPath(import.meta.url);',
};

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
        { file: `${dir}/dist/index.mjs`, format: 'es', sourcemap: true, banner: esmBanners[name] },
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
    // Executables (package.json `bin`): dist/NAME.cjs from src/NAME.ts, runnable by node directly.
    ...Object.values(pkg.bin ?? {}).map((file) => ({
      input: `${dir}/src/${file.replace(/^(\.\/)?dist\//, '').replace(/\.cjs$/, '.ts')}`,
      external,
      plugins: [
        typescript({ tsconfig, declaration: false, outDir: `${dir}/dist`, include: [`${dir}/src/**/*.ts`] }),
        { name: 'executable', writeBundle: ({ file: out }) => chmodSync(out, 0o755) },
      ],
      output: { file: `${dir}/${file.replace(/^\.\//, '')}`, format: 'cjs', banner: '#!/usr/bin/env node', sourcemap: true },
    })),
  ];
});
