import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import ts from 'typescript';
import type { CodeBlock } from './code-blocks';
import type { SnippetMode } from './snippet-modes';

/** A compiler error, placed in the Markdown file it came from. */
export interface SnippetProblem {
  /** The Markdown file and 1-based line and column; for an error outside the snippets, that file's absolute path. */
  readonly file: string;
  readonly line: number;
  readonly column: number;
  readonly code: number;
  readonly message: string;
  /** The modes that reported it. */
  readonly modes: string[];
}

/**
 * Writes every block that is not skipped to its own module in `workDir` (which must see the
 * repository's node_modules, so `@spearmint/*` resolve through their `exports` to the built
 * types) and type-checks them with one program per mode. Returns the problems, in file order.
 */
export function typeCheckSnippets(blocks: readonly CodeBlock[], modes: readonly SnippetMode[], workDir: string): SnippetProblem[] {
  rmSync(workDir, { recursive: true, force: true });
  mkdirSync(workDir, { recursive: true });
  // ES modules, as in a `"type": "module"` app: top-level await and import.meta work under nodenext.
  writeFileSync(join(workDir, 'package.json'), '{ "private": true, "type": "module" }\n');

  // One folder per Markdown file: a block named `// summariser.ts` is importable by its neighbours.
  const blockByFile = new Map<string, CodeBlock>();
  for (const block of blocks) {
    if (block.skipped) continue;
    const folder = join(workDir, block.file.replace(/[^\w.-]+/g, '_'));
    const path = join(folder, block.moduleName ?? `L${block.line}.ts`);
    const clash = blockByFile.get(path);
    if (clash) throw new Error(`${block.file}:${block.line}: a block named ${block.moduleName} already exists at line ${clash.line}`);
    mkdirSync(folder, { recursive: true });
    writeFileSync(path, `${block.code}\n`);
    blockByFile.set(path, block);
  }

  const problems = new Map<string, SnippetProblem>();
  for (const mode of modes) {
    const rootNames = [...blockByFile].filter(([, block]) => block.legacyDecorators === mode.legacyDecorators).map(([path]) => path);
    if (rootNames.length === 0) continue;
    const program = ts.createProgram({ rootNames, options: mode.options });
    for (const diagnostic of ts.getPreEmitDiagnostics(program)) {
      const problem = locate(diagnostic, blockByFile);
      const key = `${problem.file}:${problem.line}:${problem.column}:${problem.code}:${problem.message}`;
      const seen = problems.get(key);
      if (seen) seen.modes.push(mode.name);
      else problems.set(key, { ...problem, modes: [mode.name] });
    }
  }
  return [...problems.values()].sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
}

function locate(diagnostic: ts.Diagnostic, blockByFile: ReadonlyMap<string, CodeBlock>): Omit<SnippetProblem, 'modes'> {
  const message = ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n');
  const { file, start } = diagnostic;
  if (!file || start === undefined) return { file: '(compiler options)', line: 0, column: 0, code: diagnostic.code, message };
  const position = file.getLineAndCharacterOfPosition(start);
  const block = blockByFile.get(file.fileName);
  if (!block) {
    return { file: file.fileName, line: position.line + 1, column: position.character + 1, code: diagnostic.code, message };
  }
  return { file: block.file, line: block.line + position.line, column: position.character + 1, code: diagnostic.code, message };
}

/** `README.md:227:5 TS2304 Cannot find name 'mint'. [stage-3, bundler; stage-3, nodenext]` plus the code line. */
export function formatProblem(problem: SnippetProblem, sourceLine?: string): string {
  const where = `${problem.file}:${problem.line}:${problem.column}`;
  const head = `${where} TS${problem.code} ${problem.message} [${problem.modes.join('; ')}]`;
  return sourceLine === undefined ? head : `${head}\n    ${sourceLine.trim()}`;
}
