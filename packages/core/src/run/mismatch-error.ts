import { SpearmintError } from '../errors';
import { previewValue } from '../internal/preview-value';
import type { ExperimentCaseResults } from '../results/experiment-case-results';
import type { MismatchReason } from '../supervision/hooks';

/**
 * Thrown by a runner with `{ awaitVariants: true, raiseOnMismatch: true }` when a variant does not
 * match main (and `ignore` did not accept it): names the experiment, the variant's `config_id`,
 * why, and both values (truncated in the message; whole in `mainValue` and `variantValue`).
 *
 * @example
 * ```ts
 * await expect(arun(svc.price, { awaitVariants: true, raiseOnMismatch: true }, (runner) => runner(order))).resolves.toBeDefined();
 * ```
 */
export class MismatchError extends SpearmintError {
  constructor(
    readonly experiment: string,
    readonly configId: string,
    readonly reason: MismatchReason,
    /** What was compared of main: its cleaned value, or its error when it failed. */
    readonly mainValue: unknown,
    /** What was compared of the variant: its cleaned value, or its error when it failed. */
    readonly variantValue: unknown,
    /** The run's case results, every variant included. */
    readonly results: ExperimentCaseResults<unknown>,
  ) {
    const mainFailed = reason === 'mainFailed' || reason === 'differentErrors';
    const variantFailed = reason === 'variantFailed' || reason === 'differentErrors';
    super(
      'SPEARMINT_MISMATCH',
      `Variant '${configId}' of experiment '${experiment}' does not match main (${reason}): ` +
        `main ${mainFailed ? 'threw' : 'returned'} ${previewValue(mainValue, mainFailed)}, ` +
        `the variant ${variantFailed ? 'threw' : 'returned'} ${previewValue(variantValue, variantFailed)}.`,
    );
  }
}
