import type { Config } from '../config/config';

/**
 * How many variants of one config were compared with main, how many did not match, and how
 * many mismatches `ignore` accepted (counted there, not in `mismatched`).
 */
export interface ComparisonCounts {
  readonly compared: number;
  readonly mismatched: number;
  readonly ignored: number;
}

/** How one comparison came out. */
export type ComparisonOutcome = 'matched' | 'mismatched' | 'ignored';

/**
 * The comparison counts of one experiment's variants, per config of the experiment (the one
 * the variant's case gives it). Keyed by the `Config` object: one lookup per comparison.
 */
export class ComparisonTally {
  readonly #byConfig = new Map<Config, { compared: number; mismatched: number; ignored: number }>();

  /** Counts one comparison; returns `true` for the very first, so the owner can be listed once. */
  count(config: Config, outcome: ComparisonOutcome): boolean {
    let counts = this.#byConfig.get(config);
    let first = false;
    if (counts === undefined) {
      first = this.#byConfig.size === 0;
      this.#byConfig.set(config, (counts = { compared: 0, mismatched: 0, ignored: 0 }));
    }
    counts.compared++;
    if (outcome !== 'matched') counts[outcome]++;
    return first;
  }

  /** Adds the counts to `target`, by `config_id`. */
  addTo(target: Record<string, ComparisonCounts>): void {
    for (const [config, { compared, mismatched, ignored }] of this.#byConfig) {
      const previous = target[config.config_id];
      target[config.config_id] = previous
        ? { compared: previous.compared + compared, mismatched: previous.mismatched + mismatched, ignored: previous.ignored + ignored }
        : { compared, mismatched, ignored };
    }
  }
}
