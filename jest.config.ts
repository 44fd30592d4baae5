import type { Config } from 'jest';

type Project = NonNullable<Config['projects']>[number] & object;

/** One jest project: a display name, a tsconfig (= a decorator mode) and test roots. */
function project(displayName: string, options: { tsconfig: string; testMatch: string[]; setupFiles?: string[] }): Project {
  return {
    displayName,
    testEnvironment: 'node',
    testMatch: options.testMatch.map((pattern) => `<rootDir>/${pattern}`),
    setupFiles: options.setupFiles?.map((file) => `<rootDir>/${file}`) ?? [],
    moduleNameMapper: { '^@spearmint/(core|decorators)$': '<rootDir>/packages/$1/src/index.ts' },
    transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: `<rootDir>/${options.tsconfig}` }] },
  };
}

const decoratorTests = 'packages/decorators/test';

const config: Config = {
  projects: [
    project('core', { tsconfig: 'tsconfig.json', testMatch: ['packages/core/test/**/*.test.ts'] }),
    project('decorators:standard', {
      tsconfig: 'tsconfig.json',
      testMatch: [`${decoratorTests}/shared/**/*.test.ts`, `${decoratorTests}/standard-only/**/*.test.ts`],
      setupFiles: [`${decoratorTests}/setup/standard.ts`],
    }),
    project('decorators:legacy', {
      tsconfig: 'tsconfig.legacy.json',
      testMatch: [`${decoratorTests}/shared/**/*.test.ts`, `${decoratorTests}/legacy-only/**/*.test.ts`],
      setupFiles: [`${decoratorTests}/setup/legacy.ts`],
    }),
    project('examples', { tsconfig: 'tsconfig.json', testMatch: ['examples/test/**/*.test.ts'] }),
  ],
};

export default config;
