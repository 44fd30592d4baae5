import { readdir } from 'node:fs/promises';
import { basename, dirname, extname } from 'node:path';
import { localPath } from '../internal/local-path';

/**
 * The file of rotation `index`: `calls.jsonl` for 0, then `calls.1.jsonl`, `calls.2.jsonl`, …
 * (the number goes before the extension; `calls` gives `calls.1`).
 */
export function rotatedPath(path: string, index: number): string {
  if (index === 0) return path;
  const extension = extname(path);
  return `${path.slice(0, path.length - extension.length)}.${index}${extension}`;
}

/** The rotation indexes present on disk for `path` (0 for `path` itself), ascending. */
export async function rotationIndexes(path: string): Promise<number[]> {
  let names: string[];
  try {
    names = await readdir(dirname(path));
  } catch {
    return []; // no directory yet: no files
  }
  const extension = extname(path);
  const stem = basename(path).slice(0, basename(path).length - extension.length);
  const pattern = new RegExp(`^${escapeRegExp(stem)}(?:\\.([1-9]\\d{0,8}))?${escapeRegExp(extension)}$`);
  const indexes: number[] = [];
  for (const name of names) {
    const match = pattern.exec(name);
    if (match) indexes.push(match[1] === undefined ? 0 : Number(match[1]));
  }
  return indexes.sort((a, b) => a - b);
}

/**
 * The files of a recording made with `maxBytes` rotation, oldest first: `calls.jsonl`,
 * `calls.1.jsonl`, `calls.2.jsonl`, … (those that exist). Replay them one after the other, or
 * concatenate them into one dataset.
 *
 * @example
 * ```ts
 * for (const file of await recordingFiles('recordings/calls.jsonl')) console.log(file);
 * ```
 */
export async function recordingFiles(path: string | URL): Promise<string[]> {
  const absolute = localPath(path, (url) => new TypeError(`Expected a file path or a file: URL, got ${url.href}.`));
  return (await rotationIndexes(absolute)).map((index) => rotatedPath(absolute, index));
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
