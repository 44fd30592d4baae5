import { describeValue } from '../internal/describe';
import type { EvaluationRecord } from './dataset';
import { DatasetError } from './evaluation-errors';

/** A dataset record checked and turned into the arguments of one call. */
export interface RecordCall {
  readonly index: number;
  readonly id: string | number;
  readonly record: EvaluationRecord;
  /** The argument list: `input` when it is an array, else `[input]`. */
  readonly args: readonly unknown[];
}

/** Checks one record (`where` names it in errors) and gives its call. */
export function recordCall(value: unknown, index: number, where: string): RecordCall {
  if (value === null || typeof value !== 'object' || Array.isArray(value) || !('input' in value)) {
    throw new DatasetError(
      where,
      `expected a record object with an "input" key (the call's argument list as an array, or its single argument) ` +
        `and optionally "expected" and "id", got ${describeValue(value)}.`,
    );
  }
  const record = value as EvaluationRecord;
  const id = record.id;
  if (id !== undefined && typeof id !== 'string' && typeof id !== 'number') {
    throw new DatasetError(where, `expected "id" to be a string or a number, got ${describeValue(id)}.`);
  }
  const args = Array.isArray(record.input) ? record.input : [record.input];
  return { index, id: id ?? index, record, args };
}
