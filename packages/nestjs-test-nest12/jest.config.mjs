// NestJS 12 is published as ES modules only: jest runs here in ESM mode
// (node --experimental-vm-modules) and ts-jest compiles TypeScript to ES modules.
// @nestjs/* resolve to this workspace's NestJS 12 copies from every file (the sources of
// @spearmint/nestjs and the example too, which would otherwise find the root's NestJS 11), and
// @spearmint/* to their sources, so nothing needs building first.
const nest = '(common|core|testing|platform-express)';

/** @type {import('jest').Config} */
export default {
  displayName: 'nestjs:nest12',
  testEnvironment: 'node',
  testMatch: ['<rootDir>/test/**/*.test.ts'],
  setupFiles: ['<rootDir>/test/setup.ts'],
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: {
    [`^@nestjs/${nest}$`]: '<rootDir>/node_modules/@nestjs/$1/index.js',
    '^@spearmint/(core|decorators|nestjs)$': '<rootDir>/../$1/src/index.ts',
  },
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: '<rootDir>/tsconfig.json' }],
  },
};
