import { readdirSync, type Stats, statSync } from 'node:fs';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigFileNotFoundError, ConfigFileReadError, EmptyConfigDirectoryError, InvalidConfigError, UnsupportedConfigFileError } from '../errors';

const CONFIG_EXTENSIONS = ['.yaml', '.yml', '.json'];

/** True for a file name Spearmint reads as a config file (`.yaml`, `.yml`, `.json`, any case). */
export function isConfigFileName(file: string): boolean {
  return CONFIG_EXTENSIONS.includes(extname(file).toLowerCase());
}

/**
 * The config files a path source stands for: the file itself, or every config file below a
 * directory, sorted by path. `where` names the source (`configs[2]`) in error messages.
 */
export function findConfigFiles(source: string | URL, where: string): string[] {
  const path = absolutePath(source, where);
  const stats = statOf(path);
  if (!stats) throw new ConfigFileNotFoundError(path, typeof source === 'string' ? source : source.href, where);
  if (stats.isDirectory()) {
    const files = filesBelow(path).sort(compareByPath);
    if (files.length === 0) throw new EmptyConfigDirectoryError(path, where);
    return files;
  }
  if (!isConfigFileName(path)) throw new UnsupportedConfigFileError(path, extname(path), where);
  return [path];
}

/** A relative path resolves against `process.cwd()`; a URL must be a `file:` URL. */
function absolutePath(source: string | URL, where: string): string {
  if (typeof source === 'string') {
    if (source.trim() === '') throw new InvalidConfigError(where, 'an empty string is not a path; give the path of a config file or directory.');
    return resolve(source);
  }
  if (source.protocol !== 'file:') {
    throw new InvalidConfigError(where, `the URL ${source.href} is not a file: URL; configs load from local files only.`);
  }
  return fileURLToPath(source);
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

/** Config files anywhere below `directory`; symbolic links to files are followed, to directories not. */
function filesBelow(directory: string): string[] {
  const found: string[] = [];
  let entries;
  try {
    entries = readdirSync(directory, { withFileTypes: true });
  } catch (error) {
    throw new ConfigFileReadError(directory, error);
  }
  for (const entry of entries) {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) found.push(...filesBelow(path));
    else if (isConfigFileName(path) && (entry.isFile() || (entry.isSymbolicLink() && statOf(path)?.isFile()))) found.push(path);
  }
  return found;
}

/** Compares path by path segment (as Python's `sorted(Path.rglob(...))` does): `a/x` before `a-b`. */
function compareByPath(a: string, b: string): number {
  const left = a.split(sep);
  const right = b.split(sep);
  for (let i = 0; i < Math.min(left.length, right.length); i++) {
    if (left[i] !== right[i]) return left[i]! < right[i]! ? -1 : 1;
  }
  return left.length - right.length;
}
