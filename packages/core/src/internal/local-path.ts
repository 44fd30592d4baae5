import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The absolute path of a local file or directory given as a path (relative: against
 * `process.cwd()`) or a `file:` URL. Any other URL throws what `notFileUrl` makes of it.
 */
export function localPath(source: string | URL, notFileUrl: (url: URL) => Error): string {
  if (typeof source === 'string') return resolve(source);
  if (source.protocol !== 'file:') throw notFileUrl(source);
  return fileURLToPath(source);
}
