import type { Config } from 'jest';

type Project = NonNullable<Config['projects']>[number] & object;

/** Dependencies published as ES modules only (arktype and its own packages). */
const ESM_ONLY = '(arktype|arkregex|@ark)';

const decoratorTests = 'packages/decorators/test';
/** Setup shared by every project: the decorator mode, and the guard against unhandled events. */
const setup = 'test-setup';

/** One jest project: a display name, a tsconfig (= a decorator mode) and test roots. */
function project(
  displayName: string,
  options: { tsconfig: string; testMatch: string[]; setupFiles?: string[] },
): Project {
  return {
    displayName,
    // Every project fails a test that leaves an unhandledRejection or uncaughtException behind.
    testEnvironment: `<rootDir>/${setup}/unhandled-events-environment.cjs`,
    testMatch: options.testMatch.map((pattern) => `<rootDir>/${pattern}`),
    setupFiles: options.setupFiles?.map((file) => `<rootDir>/${file}`) ?? [],
    setupFilesAfterEnv: [`<rootDir>/${setup}/fail-on-unhandled.ts`],
    moduleNameMapper: {
      '^@spearmint/core/internal$': '<rootDir>/packages/core/src/internal-api.ts',
      '^@spearmint/(core|decorators|nestjs|cli)$': '<rootDir>/packages/$1/src/index.ts',
    },
    transform: {
      '^.+\\.ts$': ['ts-jest', { tsconfig: `<rootDir>/${options.tsconfig}` }],
      // arktype ships ES modules only; compiled to CommonJS here so tests can import it
      [`/node_modules/${ESM_ONLY}/.+\\.js$`]: ['ts-jest', { tsconfig: { allowJs: true, isolatedModules: true } }],
    },
    transformIgnorePatterns: [`/node_modules/(?!${ESM_ONLY}/)`],
  };
}

const config: Config = {
  // A guard against hangs, not a timing check: CPU-bound tests (10,000 concurrent calls, 100,000
  // recorded lines) take a second here and many times that on a loaded CI machine.
  testTimeout: 60_000,
  projects: [
    project('core', { tsconfig: 'tsconfig.json', testMatch: ['packages/core/test/**/*.test.ts'] }),
    project('decorators:standard', {
      tsconfig: 'tsconfig.json',
      testMatch: [`${decoratorTests}/shared/**/*.test.ts`, `${decoratorTests}/standard-only/**/*.test.ts`],
      setupFiles: [`${setup}/standard.ts`],
    }),
    project('decorators:legacy', {
      tsconfig: 'tsconfig.legacy.json',
      testMatch: [`${decoratorTests}/shared/**/*.test.ts`, `${decoratorTests}/legacy-only/**/*.test.ts`],
      setupFiles: [`${setup}/legacy.ts`],
    }),
    // The reliability suite: variants that throw, reject, hang or flood.
    project('reliability:standard', {
      tsconfig: 'tsconfig.json',
      testMatch: [`${decoratorTests}/reliability/**/*.test.ts`],
      setupFiles: [`${setup}/standard.ts`],
    }),
    project('reliability:legacy', {
      tsconfig: 'tsconfig.legacy.json',
      testMatch: [`${decoratorTests}/reliability/**/*.test.ts`],
      setupFiles: [`${setup}/legacy.ts`],
    }),
    project('examples', { tsconfig: 'tsconfig.json', testMatch: ['examples/test/**/*.test.ts'] }),
    // spearmint eval: the CLI run through tsx, its HTML report opened in headless Chromium.
    project('cli', { tsconfig: 'tsconfig.json', testMatch: ['packages/cli/test/**/*.test.ts'] }),
    // The repository's tooling: the README snippet check (npm run check:docs) and the package tarballs.
    project('scripts', { tsconfig: 'tsconfig.json', testMatch: ['scripts/test/**/*.test.ts'] }),
    // NestJS 11 apps over HTTP (legacy decorators, as Nest compiles); NestJS 12: npm run test:nest12.
    project('nestjs', {
      tsconfig: 'tsconfig.legacy.json',
      testMatch: ['packages/nestjs/test/e2e/**/*.test.ts'],
      setupFiles: [`${setup}/legacy.ts`],
    }),
  ],
};

export default config;
