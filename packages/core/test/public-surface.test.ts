import { join } from 'node:path';
import ts from 'typescript';

// @spearmint/decorators re-exports all of @spearmint/core's public names, and @spearmint/nestjs all
// of decorators', so an app needs one import; types count as well as values. Engine internals
// live in @spearmint/core/internal, never in the public entry.
const root = join(__dirname, '..', '..', '..');
const entry = (pkg: string, file = 'index.ts') => join(root, 'packages', pkg, 'src', file);

function exportedNames(): Record<'core' | 'internal' | 'decorators' | 'nestjs', Map<string, string>> {
  const parsed = ts.getParsedCommandLineOfConfigFile(join(root, 'tsconfig.legacy.json'), {}, { ...ts.sys, onUnRecoverableConfigFileDiagnostic: () => undefined })!;
  const files = { core: entry('core'), internal: entry('core', 'internal-api.ts'), decorators: entry('decorators'), nestjs: entry('nestjs') };
  const program = ts.createProgram(Object.values(files), { ...parsed.options, noEmit: true });
  const checker = program.getTypeChecker();
  const names = (file: string) => {
    const moduleSymbol = checker.getSymbolAtLocation(program.getSourceFile(file)!)!;
    // name → the package whose source declares it
    return new Map(
      checker.getExportsOfModule(moduleSymbol).map((symbol) => {
        const target = symbol.flags & ts.SymbolFlags.Alias ? checker.getAliasedSymbol(symbol) : symbol;
        const declared = target.declarations?.[0]?.getSourceFile().fileName ?? '';
        return [symbol.name, /packages[\\/]([\w-]+)[\\/]src[\\/]/.exec(declared)?.[1] ?? declared];
      }),
    );
  };
  return { core: names(files.core), internal: names(files.internal), decorators: names(files.decorators), nestjs: names(files.nestjs) };
}

const names = exportedNames();
const from = (exports: Map<string, string>, pkg: string) => [...exports].filter(([, owner]) => owner === pkg).map(([name]) => name).sort();
const sorted = (exports: Map<string, string>) => [...exports.keys()].sort();

it('@spearmint/decorators re-exports exactly the public names of @spearmint/core, beside its own', () => {
  expect(sorted(names.core).length).toBeGreaterThan(50);
  expect(from(names.decorators, 'core')).toEqual(sorted(names.core));
  expect(from(names.decorators, 'decorators')).toEqual(
    ['AsyncRunner', 'ExperimentDecorator', 'ExperimentOptions', 'Runner', 'RunnerResult', 'RunOptions', 'Spearmint', 'SpearmintOptions', 'arun', 'experiment', 'run'].sort(),
  );
});

it('@spearmint/nestjs re-exports exactly the public names of @spearmint/decorators, beside its own', () => {
  expect(from(names.nestjs, 'core')).toEqual(sorted(names.core));
  expect(from(names.nestjs, 'decorators')).toEqual(from(names.decorators, 'decorators'));
  expect(sorted(names.nestjs).length).toBe(names.decorators.size + from(names.nestjs, 'nestjs').length);
});

it('the public entry of @spearmint/core holds no engine internals: they are in @spearmint/core/internal', () => {
  const publicNames = new Set(names.core.keys());
  expect([...names.internal.keys()].filter((name) => publicNames.has(name))).toEqual([]);
  for (const name of ['defineExperiment', 'Experiment', 'Supervisor', 'callExperiment', 'runExperiment', 'registerExperimentFunction', 'experimentBindingOf']) {
    expect(names.internal.has(name)).toBe(true);
  }
});
