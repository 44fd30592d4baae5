import { readdirSync, type Stats, statSync } from 'node:fs';
import { extname, join, sep } from 'node:path';
import {
  ConfigFileNotFoundError,
  ConfigFileReadError,
  ConfigFileTypeError,
  EmptyConfigDirectoryError,
  InvalidConfigError,
  TooManyConfigsError,
  UnsupportedConfigFileError,
} from '../errors';
import { localPath } from '../internal/local-path';
import { CONFIG_LIMITS } from './config-limits';
import { compareCodePoints } from './python-json';

/** In load order: Python's `sorted(rglob('*.yaml')) + sorted(rglob('*.yml'))`, then JSON (Spearmint's). */
const CONFIG_EXTENSIONS = ['.yaml', '.yml', '.json'];

/** True for a file name Spearmint reads as a config file (`.yaml`, `.yml`, `.json`, any case). */
export function isConfigFileName(file: string): boolean {
  return CONFIG_EXTENSIONS.includes(extname(file).toLowerCase());
}

/**
 * The config files a path source stands for: the file itself, or every config file below a
 * directory in Python's order (see `compareLoadOrder`). `where` names the source (`configs[2]`)
 * in error messages; a directory with more config files than `CONFIG_LIMITS.maxConfigs` less
 * `configsBefore` is a `TooManyConfigsError`.
 */
export function findConfigFiles(source: string | URL, where: string, configsBefore = 0): string[] {
  const path = absolutePath(source, where);
  const stats = statOf(path);
  if (!stats) throw new ConfigFileNotFoundError(path, typeof source === 'string' ? source : source.href, where);
  if (stats.isDirectory()) {
    const files: string[] = [];
    const { maxConfigs } = CONFIG_LIMITS;
    if (!collectFilesBelow(path, files, maxConfigs - configsBefore)) {
      const after = configsBefore > 0 ? `, after the ${configsBefore} configs before it,` : '';
      throw new TooManyConfigsError(where, undefined, maxConfigs, `the directory ${path} (each config file gives at least one config)${after}`);
    }
    if (files.length === 0) throw new EmptyConfigDirectoryError(path, where);
    return files.sort(compareLoadOrder);
  }
  if (!stats.isFile()) throw new ConfigFileTypeError(path, describeFileType(stats), where);
  if (!isConfigFileName(path)) throw new UnsupportedConfigFileError(path, extname(path), where);
  return [path];
}

/**
 * Python's order (`sorted(d.rglob('*.yaml')) + sorted(d.rglob('*.yml'))`), then `.json`: by
 * extension group (any letter case), then path segment by segment, by code point (`a/x` before
 * `a-b`, `B` before `a`), as Python compares `Path`s on POSIX.
 */
export function compareLoadOrder(a: string, b: string): number {
  const group = extensionGroup(a) - extensionGroup(b);
  if (group !== 0) return group;
  const left = a.split(sep);
  const right = b.split(sep);
  for (let i = 0; i < Math.min(left.length, right.length); i++) {
    const order = compareCodePoints(left[i]!, right[i]!);
    if (order !== 0) return order;
  }
  return left.length - right.length;
}

function extensionGroup(file: string): number {
  return CONFIG_EXTENSIONS.indexOf(extname(file).toLowerCase());
}

/** What a path that is neither a file nor a directory is, for messages. */
export function describeFileType(stats: Stats): string {
  if (stats.isFIFO()) return 'a FIFO (named pipe)';
  if (stats.isCharacterDevice()) return 'a character device';
  if (stats.isBlockDevice()) return 'a block device';
  if (stats.isSocket()) return 'a socket';
  return 'not a regular file';
}

/** A relative path resolves against `process.cwd()`; a URL must be a `file:` URL. */
function absolutePath(source: string | URL, where: string): string {
  if (typeof source === 'string' && source.trim() === '') {
    throw new InvalidConfigError(where, 'an empty string is not a path; give the path of a config file or directory.');
  }
  return localPath(source, (url) => new InvalidConfigError(where, `the URL ${url.href} is not a file: URL; configs load from local files only.`));
}

function statOf(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return undefined;
    throw new ConfigFileReadError(path, error);
  }
}

/**
 * Adds the config files anywhere below `directory` to `found`; symbolic links to files are
 * followed, to directories not; FIFOs and devices are skipped. False once more than `max` are found.
 */
function collectFilesBelow(directory: string, found: string[], max: number): boolean {
  let entries;
  try {
    entries = readdirSync(directory, { withFileTypes: true });
  } catch (error) {
    throw new ConfigFileReadError(directory, error);
  }
  for (const entry of entries) {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) {
      if (!collectFilesBelow(path, found, max)) return false;
    } else if (isConfigFileName(path) && (entry.isFile() || (entry.isSymbolicLink() && statOf(path)?.isFile()))) {
      found.push(path);
      if (found.length > max) return false;
    }
  }
  return true;
}
