import { SpearmintError } from '../errors';
import { messageOf } from './describe-error';
import type { EvaluationResult } from './evaluation-result';

/** A dataset that cannot be read: a missing file, a line that is not JSON, a record without `input`. */
export class DatasetError extends SpearmintError {
  constructor(
    /** Where: `file /data/x.jsonl, line 3`, or `dataset[3]`. */
    readonly where: string,
    detail: string,
    options?: { cause?: unknown },
  ) {
    super('SPEARMINT_DATASET', `Cannot read the evaluation dataset at ${where}: ${detail}`, options);
  }
}

/** The per-record output file (`output`) cannot be written. */
export class EvaluationOutputError extends SpearmintError {
  constructor(readonly file: string, cause: unknown) {
    super(
      'SPEARMINT_EVALUATION_OUTPUT',
      `Cannot write the per-record results to ${file}: ${messageOf(cause)}. ` +
        'Check that its directory exists and is writable, or leave `output` out.',
      { cause },
    );
  }
}

/**
 * What `evaluate` rejects with when its `signal` aborts: no record was started after the abort;
 * the records already running finished, were written to `output` and are summarised in
 * `partial`. `cause` is the signal's reason.
 */
export class EvaluationAbortedError extends SpearmintError {
  constructor(
    /** The result over the records that finished before the evaluation stopped. */
    readonly partial: EvaluationResult,
    reason: unknown,
  ) {
    super(
      'SPEARMINT_EVALUATION_ABORTED',
      `The evaluation of '${partial.experiment}' was aborted after ${partial.records} record(s); ` +
        'the result over those records is in `error.partial`.',
      { cause: reason },
    );
  }
}

/** The response cache's directory (`cache`) cannot be created, read or written. */
export class EvaluationCacheError extends SpearmintError {
  constructor(readonly dir: string, problem: string, cause: unknown) {
    super(
      'SPEARMINT_EVALUATION_CACHE',
      `The evaluation cache directory ${dir} ${problem}: ${messageOf(cause)}. ` +
        'Check that it is a writable directory, give another `cache` directory, or leave `cache` out.',
      { cause },
    );
  }
}

/**
 * `mergeEvaluations` was given parts that do not make one evaluation: a part without `state`,
 * parts of different experiments, evaluators, repeats or configs, or two parts covering the
 * same records. `part` is the position of the part at fault (in the list given).
 */
export class EvaluationMergeError extends SpearmintError {
  constructor(
    message: string,
    readonly part?: number,
  ) {
    super('SPEARMINT_EVALUATION_MERGE', message);
  }
}
