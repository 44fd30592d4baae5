// Builds every package to ESM + CJS + bundled .d.ts (one per format). Everything that is not a
// relative import stays external: @spearmint/* (one engine per process), node:*, dependencies.
import { chmodSync, readFileSync, rmSync } from 'node:fs';
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

// Entry points per package (package.json `exports`): dist/NAME.{mjs,cjs,d.mts,d.cts} from src/FILE.
// Core's second entry, `@spearmint/core/internal` (what the sibling packages need of the engine),
// is built together with the main one, so both share chunks: one engine per module format.
const entryPoints = {
  core: { index: 'src/index.ts', internal: 'src/internal-api.ts' },
};

/** Output file names: entries as dist/NAME.EXT, code they share as dist/chunks/shared-HASH.EXT. */
const names = (dir, ext) => ({ dir: `${dir}/dist`, entryFileNames: `[name].${ext}`, chunkFileNames: `chunks/shared-[hash].${ext}` });

export default packages.flatMap((name) => {
  const dir = `packages/${name}`;
  const pkg = JSON.parse(readFileSync(`${dir}/package.json`, 'utf8'));
  const input = Object.fromEntries(Object.entries(entryPoints[name] ?? { index: 'src/index.ts' }).map(([entry, file]) => [entry, `${dir}/${file}`]));
  // Chunk names carry a content hash: remove the previous build's, so none is left over in the package.
  rmSync(`${dir}/dist/chunks`, { recursive: true, force: true });
  const tsconfig = `${dir}/tsconfig.build.json`;
  return [
    {
      input,
      external,
      plugins: [typescript({ tsconfig, declaration: false, outDir: `${dir}/dist`, include: [`${dir}/src/**/*.ts`] })],
      output: [
        { ...names(dir, 'mjs'), format: 'es', sourcemap: true, banner: esmBanners[name] },
        { ...names(dir, 'cjs'), format: 'cjs', sourcemap: true, exports: 'named' },
      ],
      onwarn(warning, warn) {
        if (warning.code === 'CIRCULAR_DEPENDENCY') throw new Error(`${pkg.name}: ${warning.message}`);
        warn(warning);
      },
    },
    // One declaration build per format: a `.d.mts` chunk imports `.mjs` names, a `.d.cts` one `.cjs` names.
    ...['mts', 'cts'].map((ext) => ({
      input,
      external,
      plugins: [dts({ tsconfig, compilerOptions: { paths: {} } })],
      output: { ...names(dir, `d.${ext}`), format: 'es' },
    })),
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
