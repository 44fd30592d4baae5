import { describeValue } from '../internal/describe';
import { unknownKey } from '../internal/known-keys';
import { localPath } from '../internal/local-path';

/**
 * How the response cache is used: `read-write` (the default) returns cached outputs and stores
 * new ones; `read` only returns cached outputs (a run that must not change the cache, say in CI);
 * `write` calls the function every time and stores its outputs (refreshing the cache); `off`
 * does not use it.
 */
export type CacheMode = 'read-write' | 'read' | 'write' | 'off';

/** The response cache: its directory and how it is used. */
export interface CacheOptions {
  /** The cache's directory (created when missing); relative paths resolve against `process.cwd()`. */
  readonly dir: string | URL;
  /** @default 'read-write' */
  readonly mode?: CacheMode;
}

/** `CacheOptions` checked: the absolute directory, and whether to read and to write. */
export interface CacheSettings {
  readonly dir: string;
  readonly reads: boolean;
  readonly writes: boolean;
}

const MODES: readonly CacheMode[] = ['read-write', 'read', 'write', 'off'];

/** Checks the `cache` option: a directory (path or `file:` URL) or `{ dir, mode? }`; `undefined` when off. */
export function checkCacheOption(value: unknown): CacheSettings | undefined {
  if (value === undefined) return undefined;
  let dir: unknown = value;
  let mode: unknown = 'read-write';
  if (value !== null && typeof value === 'object' && !(value instanceof URL)) {
    const key = unknownKey(value, ['dir', 'mode']);
    if (key !== undefined) throw new TypeError(`The \`cache\` option got an unknown key \`${key}\`; the keys are \`dir\` and \`mode\`.`);
    ({ dir, mode = 'read-write' } = value as { dir?: unknown; mode?: unknown });
  }
  if (!MODES.includes(mode as CacheMode)) {
    throw new TypeError(`Expected the cache \`mode\` to be ${MODES.map((m) => `'${m}'`).join(', ')}, got ${describeValue(mode)}.`);
  }
  const notADirectory = () => new TypeError(`Expected the cache directory to be a path (string or file: URL), as \`cache\` or \`cache.dir\`, got ${describeValue(dir)}.`);
  if ((typeof dir === 'string' && dir !== '') || dir instanceof URL) return settings(localPath(dir, notADirectory), mode as CacheMode);
  throw notADirectory();
}

function settings(dir: string, mode: CacheMode): CacheSettings | undefined {
  if (mode === 'off') return undefined;
  return { dir, reads: mode !== 'write', writes: mode !== 'read' };
}
