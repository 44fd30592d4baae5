import ts from 'typescript';

/** One set of compiler options the snippets are type-checked under: one tsc program each. */
export interface SnippetMode {
  readonly name: string;
  /** Which blocks it checks: the NestJS ones (legacy decorators) or all the others (stage-3). */
  readonly legacyDecorators: boolean;
  readonly options: ts.CompilerOptions;
}

/** What every mode shares: a user's `strict` project, ES modules, Node's types. */
function baseOptions(repoRoot: string): ts.CompilerOptions {
  return {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    lib: ['lib.es2023.d.ts'],
    types: ['node'],
    typeRoots: [`${repoRoot}/node_modules/@types`],
    // Third-party declarations are not the snippets' business; ours are checked by publint/attw.
    skipLibCheck: true,
    // Every block is its own module, even one without imports or exports.
    moduleDetection: ts.ModuleDetectionKind.Force,
    esModuleInterop: true,
  };
}

const bundler: ts.CompilerOptions = { module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler };
const nodeNext: ts.CompilerOptions = { module: ts.ModuleKind.NodeNext, moduleResolution: ts.ModuleResolutionKind.NodeNext };
const legacy: ts.CompilerOptions = { experimentalDecorators: true, emitDecoratorMetadata: true };

/** Stage-3 decorators for ordinary blocks, legacy decorators for NestJS blocks; each under both resolutions. */
export function snippetModes(repoRoot: string): SnippetMode[] {
  const base = baseOptions(repoRoot);
  return [
    { name: 'stage-3, bundler', legacyDecorators: false, options: { ...base, ...bundler } },
    { name: 'stage-3, nodenext', legacyDecorators: false, options: { ...base, ...nodeNext } },
    { name: 'legacy, bundler', legacyDecorators: true, options: { ...base, ...bundler, ...legacy } },
    { name: 'legacy, nodenext', legacyDecorators: true, options: { ...base, ...nodeNext, ...legacy } },
  ];
}
