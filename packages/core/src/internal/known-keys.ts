/** The first key of `options` that is not in `allowed`, if any. */
export function unknownKey(options: object, allowed: readonly string[]): string | undefined {
  return Object.keys(options).find((key) => !allowed.includes(key));
}

/** Throws a `TypeError` for a key of `options` that is not in `allowed` (a typo such as `config:`), naming `label`. */
export function checkKnownKeys(options: object, allowed: readonly string[], label: string): void {
  const key = unknownKey(options, allowed);
  if (key !== undefined) throw new TypeError(`Unknown option \`${key}\` for ${label}; the options are: ${allowed.join(', ')}.`);
}

/** Throws a `TypeError` for a key of the options argument of `fn()` that is not in `allowed`, listing them. */
export function checkFunctionOptions(options: object, allowed: readonly string[], fn: string): void {
  const key = unknownKey(options, allowed);
  if (key !== undefined) throw new TypeError(`${fn}() got an unknown option \`${key}\`; the options are ${allowed.map((k) => `\`${k}\``).join(', ')}.`);
}
