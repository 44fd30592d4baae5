/** Keys from a config's top level down to a value; numbers are array indexes. */
export type KeyPath = readonly (string | number)[];

/** `key path 'llm.stops[2]'` for messages; long keys and very deep paths are shortened. */
export function describeKeyPath(path: KeyPath): string {
  if (path.length === 0) return 'the top level';
  const long = path.length > 12;
  const parts = long ? [...path.slice(0, 6).map(segment), '.…', ...path.slice(-4).map(segment)] : path.map(segment);
  const text = parts.join('');
  return `key path '${text.startsWith('.') ? text.slice(1) : text}'${long ? ` (${path.length} levels)` : ''}`;
}

function segment(key: string | number): string {
  if (typeof key === 'number') return `[${key}]`;
  return `.${key.length > 40 ? `${key.slice(0, 37)}...` : key}`;
}
