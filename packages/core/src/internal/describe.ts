/** A short, human-readable description of any value for error messages: `'abc' (string)`. */
export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  if (typeof value === 'string') return `${JSON.stringify(truncate(value))} (string)`;
  if (typeof value === 'function') return `function ${value.name || '(anonymous)'}`;
  if (Array.isArray(value)) return `an array of ${value.length}`;
  if (typeof value === 'object') {
    try {
      const ctor = (value as object).constructor;
      return ctor && ctor !== Object ? `an instance of ${String(ctor.name)}` : 'an object';
    } catch {
      return 'an object'; // its `constructor` getter threw
    }
  }
  return `${String(value)} (${typeof value})`;
}

function truncate(text: string): string {
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}
