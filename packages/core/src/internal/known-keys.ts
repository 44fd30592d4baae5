/** Throws a `TypeError` for a key of `options` that is not in `allowed` (a typo such as `config:`), naming `label`. */
export function checkKnownKeys(options: object, allowed: readonly string[], label: string): void {
  for (const key of Object.keys(options)) {
    if (!allowed.includes(key)) throw new TypeError(`Unknown option \`${key}\` for ${label}; the options are: ${allowed.join(', ')}.`);
  }
}
