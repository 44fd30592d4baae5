import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { UsageError } from './usage-error';

let entry: string | undefined;

/** Called by the `spearmint` executable with its own file: the module every `--workers` thread loads. */
export function setWorkerEntry(file: string): void {
  entry = file;
}

/**
 * The file the worker threads load: the `spearmint` executable itself (`dist/cli.cjs`, or
 * `src/cli.ts` under tsx), which answers tasks instead of running the CLI inside a worker. When
 * the CLI runs from a program (`runCli`), the built executable next to this bundle.
 */
export function workerEntry(): string {
  if (entry !== undefined) return entry;
  const here = typeof __filename === 'string' ? dirname(__filename) : undefined;
  const built = here === undefined ? undefined : join(here, 'cli.cjs');
  if (built !== undefined && existsSync(built)) return built;
  throw new UsageError('--workers starts worker threads that load the spearmint executable: run it as `spearmint eval ... --workers N` (or build @spearmint/cli first).');
}
