import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import { ConfigFileReadError, ConfigFileTooLargeError, ConfigFileTypeError, SpearmintError } from '../errors';
import { CONFIG_LIMITS } from './config-limits';
import { describeFileType } from './find-config-files';

// Non-blocking, so that opening a FIFO returns at once (and fstat then rejects it) instead of
// waiting for a writer; no controlling terminal from a tty. Both are 0 where Node lacks them.
const OPEN_FLAGS = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0) | (constants.O_NOCTTY ?? 0);
const CHUNK = 64 * 1024;

/**
 * The text of a config file, read as UTF-8. Only a regular file is read (a FIFO or a device
 * would block set-up or never end), and at most `CONFIG_LIMITS.maxFileBytes` of it.
 */
export function readConfigText(file: string): string {
  const limit = CONFIG_LIMITS.maxFileBytes;
  let fd: number;
  try {
    fd = openSync(file, OPEN_FLAGS);
  } catch (error) {
    throw new ConfigFileReadError(file, error);
  }
  try {
    const stats = fstatSync(fd);
    if (!stats.isFile()) throw new ConfigFileTypeError(file, describeFileType(stats));
    if (stats.size > limit) throw tooLarge(file, `${stats.size} bytes`, limit);
    // Read to the end, not to `stats.size`: the file may have grown since, or report size 0.
    const chunks: Buffer[] = [];
    let total = 0;
    for (;;) {
      const chunk = Buffer.allocUnsafe(Math.min(CHUNK, limit + 1 - total));
      const read = readSync(fd, chunk, 0, chunk.length, null);
      if (read === 0) break;
      chunks.push(chunk.subarray(0, read));
      total += read;
      if (total > limit) throw tooLarge(file, `more than ${limit} bytes`, limit);
    }
    return Buffer.concat(chunks, total).toString('utf8');
  } catch (error) {
    if (error instanceof SpearmintError) throw error;
    throw new ConfigFileReadError(file, error);
  } finally {
    closeSync(fd);
  }
}

function tooLarge(file: string, measured: string, limit: number): ConfigFileTooLargeError {
  return new ConfigFileTooLargeError(file, measured, `CONFIG_LIMITS.maxFileBytes (${limit} bytes)`);
}
