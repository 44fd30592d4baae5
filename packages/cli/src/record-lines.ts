import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { ExecutionResult } from '@spearmint/decorators';
import { UsageError } from './usage-error';

/** What the CLI reads of one execution of a record (from `onRecord`, or a per-record JSONL line). */
export type ExecutionLike = Pick<ExecutionResult, 'configId' | 'ok' | 'output' | 'error' | 'metrics'>;

/** What the CLI reads of one finished record: a `RecordResult`, or the JSONL lines of one. */
export interface RecordLike {
  readonly index: number;
  readonly id: string | number;
  readonly record: { readonly input: unknown; readonly expected?: unknown };
  readonly executions: readonly ExecutionLike[];
}

/** One line of a per-record file (`--records`), as `evaluate`'s `output` writes it. */
interface RecordLine {
  readonly record: number;
  readonly id: string | number;
  readonly configId: string;
  readonly ok: boolean;
  readonly input?: unknown;
  readonly expected?: unknown;
  readonly output?: unknown;
  readonly error?: { readonly name?: string; readonly message: string };
  readonly metrics?: Readonly<Record<string, number>>;
}

/** A record from its lines (all of one record). */
export function recordFromLines(lines: readonly RecordLine[]): RecordLike {
  const first = lines[0]!;
  return {
    index: first.record,
    id: first.id,
    record: { input: first.input, ...('expected' in first ? { expected: first.expected } : {}) },
    executions: lines.map((line) => ({
      configId: line.configId,
      ok: line.ok,
      output: line.output,
      ...(line.error ? { error: Object.assign(new Error(line.error.message), { name: line.error.name ?? 'Error' }) } : {}),
      metrics: line.metrics ?? {},
    })),
  };
}

/** Parses one line of a per-record file; a `UsageError` naming the file and line otherwise. */
export function parseRecordLine(text: string, where: string): RecordLine {
  let line: unknown;
  try {
    line = JSON.parse(text);
  } catch {
    throw new UsageError(`${where} is not a JSON line: give the per-record files written by spearmint eval --records (JSONL, one line per execution).`);
  }
  const value = line as Partial<RecordLine> | null;
  if (value === null || typeof value !== 'object' || typeof value.record !== 'number' || typeof value.configId !== 'string' || typeof value.ok !== 'boolean') {
    throw new UsageError(`${where} is not a per-record line of spearmint eval --records (it needs "record", "configId" and "ok").`);
  }
  return value as RecordLine;
}

/**
 * Reads per-record files (`--records` of each shard) and hands over each record once all its
 * `linesPerRecord` lines were read (lines of records in flight may interleave), in bounded
 * memory; records left incomplete are handed over at the end of their file.
 */
export async function readRecordFiles(files: readonly { readonly given: string; readonly path: string }[], linesPerRecord: number, onRecord: (record: RecordLike) => void): Promise<void> {
  for (const { given, path } of files) {
    const open = new Map<number, RecordLine[]>();
    const stream = createReadStream(path, { encoding: 'utf8' });
    const failed = new Promise<never>((_, reject) =>
      stream.once('error', (error) => reject(new UsageError(`--records ${given} cannot be read: ${(error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : error.message}.`))),
    );
    failed.catch(() => undefined);
    const lines = createInterface({ input: stream, crlfDelay: Infinity });
    let number = 0;
    const read = (async () => {
      for await (const text of lines) {
        number++;
        if (text.trim() === '') continue;
        const line = parseRecordLine(text, `line ${number} of ${given}`);
        const group = open.get(line.record) ?? [];
        group.push(line);
        if (group.length >= linesPerRecord) {
          open.delete(line.record);
          onRecord(recordFromLines(group));
        } else open.set(line.record, group);
      }
    })();
    await Promise.race([read, failed]);
    for (const group of open.values()) onRecord(recordFromLines(group));
  }
}
