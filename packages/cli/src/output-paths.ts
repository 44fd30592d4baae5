import { accessSync, constants, mkdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { messageOf } from './safe-text';
import { UsageError } from './usage-error';

/** A file the evaluation will write, and the flag (or definition key) that named it. */
export interface OutputPath {
  readonly flag: string;
  readonly path: string;
}

/**
 * Makes sure every output can be written before the first record runs (with paid model calls,
 * finding out afterwards wastes them all): creates missing folders, and rejects a path that is a
 * folder, or a folder or existing file that cannot be written, with a `UsageError` naming the
 * flag and the path. Returns the absolute paths, in order.
 */
export function prepareOutputs(outputs: readonly OutputPath[], cwd: string): string[] {
  const seen = new Map<string, string>();
  return outputs.map(({ flag, path }) => {
    const file = resolve(cwd, path);
    const other = seen.get(file);
    if (other !== undefined) throw new UsageError(`${flag} and ${other} name the same file (${path}); give each its own.`);
    seen.set(file, flag);
    const folder = dirname(file);
    try {
      mkdirSync(folder, { recursive: true });
    } catch (error) {
      throw new UsageError(`Cannot create the folder ${folder} for ${flag} ${path}: ${messageOf(error)}.`);
    }
    const existing = statOrUndefined(file);
    if (existing?.isDirectory()) throw new UsageError(`${flag} ${path} is a folder; give a file path (such as ${path.replace(/[\\/]+$/, '')}/report.html).`);
    try {
      accessSync(existing ? file : folder, constants.W_OK);
    } catch (error) {
      throw new UsageError(`Cannot write ${flag} ${path}: ${messageOf(error)}.`);
    }
    return file;
  });
}

function statOrUndefined(file: string): ReturnType<typeof statSync> | undefined {
  try {
    return statSync(file);
  } catch {
    return undefined;
  }
}
