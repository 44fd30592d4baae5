import { describeValue } from '../internal/describe';
import type { Dataset } from './dataset';
import { datasetPath, isDatasetPath } from './dataset-path';
import { countJsonlRecords, readJsonl, type SourcedValue } from './read-jsonl';

/**
 * Reads any dataset one value at a time: arrays and (async) iterables as they are, a path as a
 * streamed JSONL file. Nothing is read ahead of what the consumer asks for.
 */
export function readDataset(dataset: Dataset<unknown>): AsyncGenerator<SourcedValue, void, undefined> {
  if (isDatasetPath(dataset)) return readJsonl(datasetPath(dataset));
  if (!isIterable(dataset)) {
    throw new TypeError(
      `Expected the dataset to be an array, an iterable or async iterable of records, or the path (string or URL) of a JSONL file, got ${describeValue(dataset)}.`,
    );
  }
  return readIterable(dataset);
}

/**
 * How many records a dataset holds, when that can be known without consuming it: an array's
 * length, a JSONL file's non-blank lines (the file is streamed once to count them); `undefined`
 * for other iterables. Useful for progress displays.
 */
export async function countDatasetRecords(dataset: Dataset<unknown>): Promise<number | undefined> {
  if (Array.isArray(dataset)) return dataset.length;
  if (isDatasetPath(dataset)) return countJsonlRecords(datasetPath(dataset));
  return undefined;
}

async function* readIterable(values: Iterable<unknown> | AsyncIterable<unknown>): AsyncGenerator<SourcedValue, void, undefined> {
  let index = 0;
  for await (const value of values) yield { value, where: `dataset[${index++}]` };
}

function isIterable(value: unknown): value is Iterable<unknown> | AsyncIterable<unknown> {
  if (value === null || (typeof value !== 'object' && typeof value !== 'function')) return false;
  return typeof (value as Iterable<unknown>)[Symbol.iterator] === 'function' || typeof (value as AsyncIterable<unknown>)[Symbol.asyncIterator] === 'function';
}
