import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import { repoRoot } from './run-cli-process';

/** One fenced TypeScript block of a markdown file. */
export interface Snippet {
  /** The `## ` section it is under, and its first code line in the file (1-based), for messages. */
  readonly section: string;
  readonly line: number;
  readonly code: string;
  /** The module name its first line gives it (`// summariser.ts`), so other blocks can import it (`./summariser.js`). */
  readonly moduleName?: string;
}

/** A block marked so on the line above its fence is a sketch, not compiled (the convention of `npm run check:docs`). */
const NOT_COMPILED = '<!-- not-compiled -->';
const MODULE_NAME = /^\/\/\s*([\w-]+\.(?:ts|mts))\s*$/;

/** The ```ts blocks under the `## ` sections whose titles are given (with their `###` subsections). */
export function markdownSnippets(file: string, sections: readonly string[]): Snippet[] {
  const lines = readFileSync(file, 'utf8').split('\n');
  const snippets: Snippet[] = [];
  let section: string | undefined;
  let above = '';
  for (let i = 0; i < lines.length; i++) {
    const text = lines[i]!;
    const heading = /^## (.+)$/.exec(text);
    if (heading) section = sections.includes(heading[1]!.trim()) ? heading[1]!.trim() : undefined;
    const fence = /^```\s*(\S*)/.exec(text);
    if (!fence) {
      if (text.trim() !== '') above = text.trim();
      continue;
    }
    let end = i + 1;
    while (end < lines.length && !/^```\s*$/.test(lines[end]!)) end++;
    if (section !== undefined && /^(ts|typescript)$/.test(fence[1]!) && above !== NOT_COMPILED) {
      const moduleName = MODULE_NAME.exec(lines[i + 1] ?? '')?.[1];
      snippets.push({ section, line: i + 2, code: lines.slice(i + 1, end).join('\n'), ...(moduleName ? { moduleName } : {}) });
    }
    above = '';
    i = end;
  }
  return snippets;
}

/** A problem the compiler found in a snippet. */
export interface SnippetProblem {
  readonly snippet: Snippet | undefined;
  readonly message: string;
}

/**
 * Type-checks the snippets as the modules of one app in a `"type": "module"` folder, as a user
 * would compile them: `strict`, `module`/`moduleResolution` `nodenext`, Node's types; a block
 * named `// summariser.ts` is importable by the others as `./summariser.js`. `@spearmint/*`
 * resolve to the sources (no build needed), whose own extensionless imports resolve as a
 * bundler does (rollup builds them). Reported: the snippets' diagnostics, and any module a
 * library file cannot find (which would otherwise turn types into `any` unseen).
 */
export function typeCheckSnippets(snippets: readonly Snippet[]): SnippetProblem[] {
  // Inside the repository (as npm run check:docs does), so the snippets' other imports (zod,
  // autoevals) resolve from its node_modules as they would in an app.
  const cache = join(repoRoot, 'node_modules', '.cache');
  mkdirSync(cache, { recursive: true });
  const folder = mkdtempSync(join(cache, 'spearmint-snippets-'));
  try {
    writeFileSync(join(folder, 'package.json'), '{ "private": true, "type": "module" }\n');
    const files = new Map<string, Snippet>();
    for (const snippet of snippets) {
      const file = join(folder, snippet.moduleName ?? `L${snippet.line}.ts`);
      writeFileSync(file, `${snippet.code}\n`);
      files.set(file, snippet);
    }
    return check(files);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

function check(files: ReadonlyMap<string, Snippet>): SnippetProblem[] {
  const options: ts.CompilerOptions = {
    strict: true,
    noEmit: true,
    target: ts.ScriptTarget.ES2022,
    lib: ['lib.es2023.d.ts'],
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.NodeNext,
    moduleDetection: ts.ModuleDetectionKind.Force,
    types: ['node'],
    typeRoots: [join(repoRoot, 'node_modules', '@types')],
    skipLibCheck: true,
    esModuleInterop: true,
    baseUrl: repoRoot,
    paths: { '@spearmint/*': ['packages/*/src/index.ts'] },
  };
  const libraryOptions: ts.CompilerOptions = { ...options, module: ts.ModuleKind.ESNext, moduleResolution: ts.ModuleResolutionKind.Bundler };
  const host = ts.createCompilerHost(options, true);
  host.resolveModuleNameLiterals = (literals, containingFile, redirected, _options, containingSourceFile) => {
    const snippet = files.has(containingFile);
    return literals.map((literal) =>
      ts.resolveModuleName(
        literal.text,
        containingFile,
        snippet ? options : libraryOptions,
        host,
        undefined,
        redirected,
        snippet ? ts.getModeForUsageLocation(containingSourceFile, literal, options) : undefined,
      ),
    );
  };
  const program = ts.createProgram({ rootNames: [...files.keys()], options, host });
  const problems: SnippetProblem[] = [];
  for (const [file, snippet] of files) {
    const source = program.getSourceFile(file)!;
    for (const diagnostic of [...program.getSyntacticDiagnostics(source), ...program.getSemanticDiagnostics(source)]) {
      const { line } = source.getLineAndCharacterOfPosition(diagnostic.start ?? 0);
      problems.push({ snippet, message: `line ${snippet.line + line}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}` });
    }
  }
  const packages = join(repoRoot, 'packages');
  for (const source of program.getSourceFiles()) {
    if (!source.fileName.startsWith(packages)) continue;
    for (const diagnostic of program.getSemanticDiagnostics(source)) {
      if (diagnostic.code === 2307 || diagnostic.code === 2792) {
        problems.push({ snippet: undefined, message: `${source.fileName}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}` });
      }
    }
  }
  return problems;
}
