import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { messageOf } from './describe-error';
import { DatasetError } from './evaluation-errors';

/** A value read from a dataset, with where it came from (for error messages). */
export interface SourcedValue {
  readonly value: unknown;
  /** `file /data/x.jsonl, line 3`, or `dataset[3]`. */
  readonly where: string;
}

/**
 * Streams the JSON values of a JSONL file, one per non-blank line, through `node:readline` over
 * a read stream: the file is never read whole, and reading pauses while the consumer is busy
 * (readline's async iterator pauses its input beyond 1024 unread lines).
 */
export async function* readJsonl(file: string): AsyncGenerator<SourcedValue, void, undefined> {
  await checkFile(file);
  const stream = createReadStream(file, { encoding: 'utf8' });
  let streamError: unknown;
  stream.on('error', (error) => (streamError ??= error));
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  let lineNumber = 0;
  try {
    for await (const raw of lines) {
      lineNumber++;
      const text = lineNumber === 1 && raw.startsWith('\uFEFF') ? raw.slice(1) : raw;
      if (text.trim() === '') continue;
      const where = `file ${file}, line ${lineNumber}`;
      yield { value: parseLine(text, where), where };
    }
  } catch (error) {
    if (error instanceof DatasetError) throw error;
    throw new DatasetError(`file ${file}`, `reading failed after line ${lineNumber}: ${messageOf(error)}.`, { cause: error });
  } finally {
    lines.close();
    stream.destroy();
  }
  if (streamError !== undefined) {
    throw new DatasetError(`file ${file}`, `reading failed after line ${lineNumber}: ${messageOf(streamError)}.`, { cause: streamError });
  }
}

/** Counts the records (non-blank lines) of a JSONL file, streaming it. */
export async function countJsonlRecords(file: string): Promise<number> {
  await checkFile(file);
  const stream = createReadStream(file, { encoding: 'utf8' });
  const lines = createInterface({ input: stream, crlfDelay: Infinity });
  let count = 0;
  try {
    for await (const line of lines) if (line.trim() !== '' && line !== '\uFEFF') count++;
  } finally {
    lines.close();
    stream.destroy();
  }
  return count;
}

async function checkFile(file: string): Promise<void> {
  let isFile: boolean;
  try {
    isFile = (await stat(file)).isFile();
  } catch (error) {
    const missing = (error as NodeJS.ErrnoException).code === 'ENOENT';
    throw new DatasetError(
      `file ${file}`,
      missing
        ? `there is no such file. Relative paths resolve against the working directory (${process.cwd()}); pass an absolute path or a URL.`
        : `${messageOf(error)}. Check that the file is readable.`,
      { cause: error },
    );
  }
  if (!isFile) throw new DatasetError(`file ${file}`, 'it is not a file. Give the path of a JSONL file (one JSON record per line).');
}

function parseLine(text: string, where: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new DatasetError(where, `the line is not valid JSON (${messageOf(error)}). Each line must hold one JSON record, such as {"input": "...", "expected": "..."}.`, {
      cause: error,
    });
  }
}
