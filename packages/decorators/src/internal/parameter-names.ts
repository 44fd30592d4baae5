/**
 * The declared names of a function's parameters, read from its source text, in order.
 * A destructured parameter has no name (`undefined`); a rest parameter is marked.
 * Works for functions, arrows, methods (also async, generator and computed-key ones) and
 * default values holding any expression.
 */
export interface ParameterName {
  readonly name: string | undefined;
  readonly rest: boolean;
}

export function parameterNames(fn: Function): ParameterName[] {
  const source = Function.prototype.toString.call(fn);
  const scanner = new Scanner(source);
  const open = scanner.findParameterListStart();
  if (open === 'arrow-identifier') return [{ name: scanner.arrowParameter, rest: false }];
  if (open < 0) return [];
  return scanner.splitParameters(open).map(toParameterName);
}

const IDENTIFIER = /^[\p{ID_Start}$_][\p{ID_Continue}$\u200c\u200d]*/u;

function toParameterName(text: string): ParameterName {
  const rest = text.startsWith('...');
  const body = rest ? text.slice(3).trimStart() : text;
  return { name: IDENTIFIER.exec(body)?.[0], rest };
}

const CLOSERS: Record<string, string> = { '(': ')', '[': ']', '{': '}' };

class Scanner {
  arrowParameter: string | undefined;
  constructor(private readonly src: string) {}

  /** Index of the `(` opening the parameter list, or `'arrow-identifier'` for `x => ...`. */
  findParameterListStart(): number | 'arrow-identifier' {
    const { src } = this;
    let i = 0;
    while (i < src.length) {
      const skipped = this.skipTrivia(i);
      if (skipped !== i) {
        i = skipped;
        continue;
      }
      const ch = src[i]!;
      if (ch === '(') return i;
      if (ch === '[' || ch === '"' || ch === "'" || ch === '`') {
        i = this.skipBalancedOrString(i); // a computed or quoted method name
        continue;
      }
      if (src.startsWith('=>', i)) {
        const before = src.slice(0, i).trim();
        this.arrowParameter = /([\p{ID_Start}$_][\p{ID_Continue}$]*)$/u.exec(before)?.[1];
        return 'arrow-identifier';
      }
      if (ch === '{') return -1;
      i++;
    }
    return -1;
  }

  /** The texts of the top-level, comma-separated parameters of the list opening at `open`. */
  splitParameters(open: number): string[] {
    const { src } = this;
    const parts: string[] = [];
    let start = open + 1;
    let i = open + 1;
    let text = '';
    while (i < src.length) {
      const skipped = this.skipTrivia(i);
      if (skipped !== i) {
        text += src.slice(start, i) + ' ';
        i = start = skipped;
        continue;
      }
      const ch = src[i]!;
      if (ch === ')' || ch === ',') {
        text += src.slice(start, i);
        if (text.trim() !== '') parts.push(text.trim());
        text = '';
        if (ch === ')') break;
        start = ++i;
        continue;
      }
      i = CLOSERS[ch] || ch === '"' || ch === "'" || ch === '`' ? this.skipBalancedOrString(i) : i + 1;
    }
    return parts;
  }

  /** Skips whitespace and comments from `i`. */
  private skipTrivia(i: number): number {
    const { src } = this;
    for (;;) {
      while (i < src.length && /\s/.test(src[i]!)) i++;
      if (src.startsWith('//', i)) {
        const end = src.indexOf('\n', i);
        i = end < 0 ? src.length : end + 1;
      } else if (src.startsWith('/*', i)) {
        const end = src.indexOf('*/', i + 2);
        i = end < 0 ? src.length : end + 2;
      } else {
        return i;
      }
    }
  }

  /** From a bracket or quote at `i`, the index just past its matching end. */
  private skipBalancedOrString(i: number): number {
    const { src } = this;
    const ch = src[i]!;
    if (ch === '"' || ch === "'") return this.skipQuoted(i, ch);
    if (ch === '`') return this.skipTemplate(i);
    const closer = CLOSERS[ch]!;
    i++;
    while (i < src.length) {
      const skipped = this.skipTrivia(i);
      if (skipped !== i) {
        i = skipped;
        continue;
      }
      const c = src[i]!;
      if (c === closer) return i + 1;
      i = CLOSERS[c] || c === '"' || c === "'" || c === '`' ? this.skipBalancedOrString(i) : i + 1;
    }
    return i;
  }

  private skipQuoted(i: number, quote: string): number {
    const { src } = this;
    for (i++; i < src.length; i++) {
      if (src[i] === '\\') i++;
      else if (src[i] === quote) return i + 1;
    }
    return i;
  }

  private skipTemplate(i: number): number {
    const { src } = this;
    for (i++; i < src.length; i++) {
      if (src[i] === '\\') i++;
      else if (src[i] === '`') return i + 1;
      else if (src.startsWith('${', i)) i = this.skipBalancedOrString(i + 1) - 1;
    }
    return i;
  }
}
