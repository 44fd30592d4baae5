/** A fenced TypeScript code block of a Markdown file, with what the snippet check needs to know. */
export interface CodeBlock {
  /** The Markdown file, as given (relative to the repository root in messages). */
  readonly file: string;
  /** 1-based line of the block's first code line in `file`. */
  readonly line: number;
  /** The code between the fences. */
  readonly code: string;
  /** Marked `<!-- not-compiled -->`: shown to readers as a partial sketch, not type-checked. */
  readonly skipped: boolean;
  /** Compiled with legacy decorators (`experimentalDecorators` + `emitDecoratorMetadata`): NestJS code. */
  readonly legacyDecorators: boolean;
  /**
   * The module name the block gives itself on its first line (`// summariser.ts`), so that the
   * other blocks of the same Markdown file can import it (`from './summariser.js'`).
   */
  readonly moduleName: string | undefined;
}

/** The marker, on the line just above a block's opening fence (blank lines between are allowed). */
export const NOT_COMPILED_MARKER = '<!-- not-compiled -->';

const TYPESCRIPT_INFO = /^(ts|typescript|mts|cts)$/i;
const NEST_IMPORT = /\bfrom\s+['"](@spearmint\/nestjs|@nestjs\/[\w-]+)['"]/;
const MODULE_NAME = /^\/\/\s*([\w-]+\.(?:ts|mts|cts))\s*$/;

/**
 * Every fenced code block tagged `ts` / `typescript` in `markdown`, in file order. Fences are
 * CommonMark's: three or more backticks or tildes, closed by at least as many of the same.
 */
export function extractCodeBlocks(file: string, markdown: string): CodeBlock[] {
  const lines = markdown.split(/\r?\n/);
  const blocks: CodeBlock[] = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^ {0,3}(`{3,}|~{3,})\s*([^\s`]*)/.exec(lines[i]!);
    if (!open) continue;
    const fence = open[1]!;
    const close = new RegExp(`^ {0,3}${fence[0] === '`' ? '`' : '~'}{${fence.length},}\\s*$`);
    let end = i + 1;
    while (end < lines.length && !close.test(lines[end]!)) end++;
    if (end === lines.length) throw new Error(`${file}:${i + 1}: code block opened here is never closed`);
    if (TYPESCRIPT_INFO.test(open[2]!)) {
      const code = lines.slice(i + 1, end).join('\n');
      blocks.push({
        file,
        line: i + 2,
        code,
        skipped: markerAbove(lines, i) === NOT_COMPILED_MARKER,
        legacyDecorators: NEST_IMPORT.test(code),
        moduleName: MODULE_NAME.exec(lines[i + 1] ?? '')?.[1],
      });
    }
    i = end;
  }
  return blocks;
}

/** The nearest non-blank line above line index `i`, trimmed ('' when there is none). */
function markerAbove(lines: readonly string[], i: number): string {
  for (let j = i - 1; j >= 0; j--) {
    const text = lines[j]!.trim();
    if (text !== '') return text;
  }
  return '';
}
