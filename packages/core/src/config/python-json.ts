import { hasConfigBrand } from '../internal/config-brand';
import { isPlainObject } from '../internal/plain-object';

/**
 * Serialises a value exactly as Python's `json.dumps(value, sort_keys=True)` does, so that
 * config ids computed here match the Python library's:
 *
 * - separators `", "` and `": "`; keys sorted by Unicode code point;
 * - strings ASCII-only (`ensure_ascii`): non-ASCII as lowercase `\uXXXX`, astral characters as
 *   surrogate pairs;
 * - safe integers in decimal; every other number as Python's float `repr` (`0.5`, `1e-05`,
 *   `1e+16`), `NaN`, `Infinity`, `-Infinity`; bigints in decimal;
 * - functions as `"<function NAME>"`, class instances as `"<ClassName>"`;
 * - object keys whose value is `undefined` are left out; `undefined` in an array is `null`.
 */
export function pythonJsonDumps(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return quote(value);
    case 'number':
      return formatNumber(value);
    case 'bigint':
      return value.toString();
    case 'boolean':
      return value ? 'true' : 'false';
    case 'undefined':
      return 'null';
    case 'function':
      return quote(`<function ${value.name || '<lambda>'}>`);
    case 'symbol':
      return quote(value.toString());
  }
  if (value === null) return 'null';
  if (Array.isArray(value)) return `[${value.map(pythonJsonDumps).join(', ')}]`;
  // A Config nested in a config is serialised as the object it is.
  if (isPlainObject(value) || hasConfigBrand(value)) {
    const keys = Object.keys(value).filter((key) => value[key] !== undefined);
    keys.sort(compareCodePoints);
    return `{${keys.map((key) => `${quote(key)}: ${pythonJsonDumps(value[key])}`).join(', ')}}`;
  }
  return quote(`<${(value as object).constructor?.name ?? 'object'}>`);
}

/** Orders strings by Unicode code point, as Python compares `str` (JavaScript's `<` compares UTF-16 units). */
export function compareCodePoints(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; ) {
    const ca = a.codePointAt(i)!;
    const cb = b.codePointAt(i)!;
    if (ca !== cb) return ca - cb;
    i += ca > 0xffff ? 2 : 1;
  }
  return a.length - b.length;
}

const ESCAPES: Record<string, string> = {
  '"': '\\"',
  '\\': '\\\\',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\b': '\\b',
  '\f': '\\f',
};

function quote(text: string): string {
  let out = '"';
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    const code = text.charCodeAt(i);
    if (ESCAPES[ch] !== undefined) out += ESCAPES[ch];
    else if (code < 0x20 || code > 0x7e) out += `\\u${code.toString(16).padStart(4, '0')}`;
    else out += ch;
  }
  return `${out}"`;
}

function formatNumber(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (value === Infinity) return 'Infinity';
  if (value === -Infinity) return '-Infinity';
  if (Object.is(value, -0)) return '-0.0';
  if (Number.isSafeInteger(value)) return String(value);
  return pythonFloatRepr(value);
}

/** Python's `repr(float)`: the shortest round-trip digits, exponent form when exp < -4 or >= 16. */
function pythonFloatRepr(value: number): string {
  const [mantissa, exponentText] = value.toExponential().split('e') as [string, string];
  const exponent = Number(exponentText);
  const negative = mantissa.startsWith('-');
  const digits = mantissa.replace('-', '').replace('.', '');
  const sign = negative ? '-' : '';
  if (exponent < -4 || exponent >= 16) {
    const fraction = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
    const expSign = exponent < 0 ? '-' : '+';
    return `${sign}${fraction}e${expSign}${String(Math.abs(exponent)).padStart(2, '0')}`;
  }
  if (exponent < 0) return `${sign}0.${'0'.repeat(-exponent - 1)}${digits}`;
  const intPart = digits.slice(0, exponent + 1).padEnd(exponent + 1, '0');
  const fracPart = digits.slice(exponent + 1) || '0';
  return `${sign}${intPart}.${fracPart}`;
}
