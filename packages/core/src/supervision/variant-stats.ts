import type { ComparisonCounts, ComparisonTally } from './comparison-tally';

/** Counts of one `Spearmint` instance's background variants, sampling, recording and comparisons. */
export interface VariantStats {
  readonly started: number;
  readonly succeeded: number;
  readonly failed: number;
  readonly timedOut: number;
  readonly dropped: number;
  /** `started - succeeded - failed - timedOut`. */
  readonly inFlight: number;
  /** Entry calls that ran no background variants because `sampleRate` left them out. */
  readonly sampledOut: number;
  /**
   * Records lost for want of room or of a working destination: the recorders' buffers were full
   * (the disk could not keep up), or a write failed (a full disk, a closed stream).
   */
  readonly recordsDropped: number;
  /**
   * Experiment name → the entry experiment's `config_id` → comparisons of its variants with
   * main, awaited and background alike (unlike the counts above, which are background only).
   */
  readonly comparisons: Readonly<Record<string, Readonly<Record<string, ComparisonCounts>>>>;
}

/** How a background variant ended. */
export type VariantOutcome = 'succeeded' | 'failed' | 'timedOut';

/** An experiment whose variants were compared with main: its name and its own counts. */
export interface ComparedExperiment {
  readonly name: string;
  readonly comparisons: ComparisonTally;
}

/** `stats().comparisons`: the counts of every compared experiment, by name (experiments sharing a name add up). */
export function comparisonsSnapshot(compared: readonly ComparedExperiment[]): VariantStats['comparisons'] {
  // Null-prototype records: an experiment or config named `__proto__` is data, not a prototype.
  const byName: Record<string, Record<string, ComparisonCounts>> = Object.create(null);
  for (const experiment of compared) experiment.comparisons.addTo((byName[experiment.name] ??= Object.create(null)));
  for (const counts of Object.values(byName)) {
    for (const counted of Object.values(counts)) Object.freeze(counted);
    Object.freeze(counts);
  }
  return Object.freeze(byName);
}
