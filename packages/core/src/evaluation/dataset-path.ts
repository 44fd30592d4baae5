import { localPath } from '../internal/local-path';

/** The absolute file path of a dataset given as a path or a `file:` URL (relative: against `process.cwd()`). */
export function datasetPath(dataset: string | URL): string {
  return localPath(
    dataset,
    (url) => new TypeError(`Expected the dataset URL to be a file: URL, got ${url.href}. Download the file first, or pass the records as an (async) iterable.`),
  );
}

/** True for a dataset given as the path of a JSONL file. */
export function isDatasetPath(dataset: unknown): dataset is string | URL {
  return typeof dataset === 'string' || dataset instanceof URL;
}
