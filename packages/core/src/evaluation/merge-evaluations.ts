import type { Config } from '../config/config';
import type { EvaluationResult } from './evaluation-result';
import { EvaluationMergeError } from './evaluation-errors';
import type { EvaluationState } from './evaluation-state';
import { EvaluationTally } from './evaluation-tally';
import { readState, StateShapeError } from './read-state';
import { combineCoverage, formatCoverage } from './shard';

/**
 * What `mergeEvaluations` takes: an `EvaluationResult` of a `shard`, or its JSON read back
 * (`spearmint eval --shard i/n --save-run`). Only `state` is required; the configs' values and
 * `durationMs` are taken from the result when present.
 */
export interface EvaluationPart {
  readonly state?: EvaluationState;
  readonly configs?: readonly { readonly configId: string; readonly config: unknown }[];
  readonly durationMs?: number;
}

/** Options of `mergeEvaluations`. */
export interface MergeOptions {
  /** A name for each part in error messages (say its file); the default is `parts[i]`. */
  readonly labels?: readonly string[];
}

/**
 * Merges the results of shards of one evaluation (`evaluate(..., { shard })`, or the JSON of
 * `spearmint eval --shard i/n --save-run`) into the result of all their records: the same
 * counts, error rates, means, intervals, paired comparisons and best configs as one run over
 * those records gives (sums are exact, so floats agree to the last bit), with `durationMs` the
 * longest part's. Latency percentiles are exact up to `RESERVOIR_SIZE` executions per config in
 * all; beyond, they come from a merged uniform sample. When the parts do not cover the whole
 * dataset, the result carries `shard` (what they cover) and `state`, to merge further.
 *
 * Throws an `EvaluationMergeError` for parts that do not make one evaluation: a part without
 * `state`, a different experiment, `repeat`, evaluators, main config or set of configs, or two
 * parts holding the same records.
 *
 * @example
 * ```ts
 * const parts = files.map((file) => JSON.parse(readFileSync(file, 'utf8')) as EvaluationPart);
 * const result = mergeEvaluations(parts); // as if one machine had evaluated every record
 * ```
 */
export function mergeEvaluations(parts: readonly EvaluationPart[], options: MergeOptions = {}): EvaluationResult {
  if (!Array.isArray(parts) || parts.length === 0) {
    throw new TypeError('mergeEvaluations() expects a non-empty array of shard results (each with its `state`).');
  }
  const label = (i: number) => options.labels?.[i] ?? `parts[${i}]`;
  const states = parts.map((part, i) => stateOf(part, label(i), i));
  const first = states[0]!;
  const reference = Math.max(0, states.findIndex((state) => state.records > 0));
  states.forEach((state, i) => checkSameEvaluation(first, state, label(0), label(i), i));
  states.forEach((state, i) => checkSameConfigs(states[reference]!, state, label(reference), label(i), i));
  const combined = combineCoverage(states.map((state) => state.shard));
  if ('problem' in combined) {
    const { problem } = combined;
    if (problem.kind === 'too-fine') throw new EvaluationMergeError(`The parts' shard counts need a split into ${problem.split} shards to check; use fewer or equal shard counts.`);
    const [a, b] = problem.parts;
    throw new EvaluationMergeError(
      `${label(a)} (shard ${formatCoverage(states[a]!.shard)}) and ${label(b)} (shard ${formatCoverage(states[b]!.shard)}) hold the same records ` +
        `(shard ${problem.shard.index}/${problem.shard.count}): merging them would count those records twice. Give each shard once.`,
      b,
    );
  }
  const configOf = (configId: string): Config => {
    for (const part of parts) {
      const found = readConfig(part, configId);
      if (found !== undefined) return found as Config;
    }
    return { config_id: configId } as Config;
  };
  const durationMs = Math.max(0, ...parts.map((part) => readDuration(part)));
  return EvaluationTally.fromStates(states, combined.coverage, configOf, durationMs).result();
}

function stateOf(part: EvaluationPart, label: string, index: number): EvaluationState {
  let state: unknown;
  try {
    state = part?.state;
  } catch {
    state = undefined;
  }
  if (state === undefined || state === null) {
    throw new EvaluationMergeError(
      `${label} has no \`state\`: only the result of a shard can be merged. Evaluate with the \`shard\` option (spearmint eval --shard i/n --save-run file.json).`,
      index,
    );
  }
  try {
    return readState(state);
  } catch (error) {
    const detail = error instanceof StateShapeError ? `${error.where}: ${error.detail}` : String(error);
    throw new EvaluationMergeError(`${label} is not a shard result this version of Spearmint can merge (${detail}).`, index);
  }
}

function differ(label: string, otherLabel: string, index: number, what: string, mine: unknown, other: unknown): EvaluationMergeError {
  return new EvaluationMergeError(
    `${label} and ${otherLabel} are not shards of one evaluation: ${what} differ (${JSON.stringify(mine)} vs ${JSON.stringify(other)}).`,
    index,
  );
}

function checkSameEvaluation(first: EvaluationState, state: EvaluationState, firstLabel: string, label: string, index: number): void {
  if (state.experiment !== first.experiment) throw differ(label, firstLabel, index, 'their experiments', state.experiment, first.experiment);
  if (state.repeat !== first.repeat) throw differ(label, firstLabel, index, 'their repeat counts', state.repeat, first.repeat);
  const evaluators = (s: EvaluationState) => s.evaluators.map(({ name, better }) => `${name} (${better})`);
  if (evaluators(state).join() !== evaluators(first).join()) throw differ(label, firstLabel, index, 'their evaluators', evaluators(state), evaluators(first));
}

/** Shards that ran different configs (a config changed between machines) would merge into a misleading result. */
function checkSameConfigs(reference: EvaluationState, state: EvaluationState, referenceLabel: string, label: string, index: number): void {
  if (state.records === 0 || state === reference) return;
  if (state.mainConfigId !== reference.mainConfigId) throw differ(label, referenceLabel, index, 'their main configs', state.mainConfigId, reference.mainConfigId);
  const ids = (s: EvaluationState) => s.configs.map((config) => config.configId).sort();
  if (ids(state).join('\n') !== ids(reference).join('\n')) throw differ(label, referenceLabel, index, 'their configs', ids(state), ids(reference));
}

/** The value of config `configId` in a part's result, if it has one (a part read from a file may hold anything). */
function readConfig(part: EvaluationPart, configId: string): unknown {
  try {
    if (!Array.isArray(part.configs)) return undefined;
    const found = part.configs.find((config) => config !== null && typeof config === 'object' && config.configId === configId);
    return found?.config ?? undefined;
  } catch {
    return undefined;
  }
}

function readDuration(part: EvaluationPart): number {
  try {
    return typeof part.durationMs === 'number' && Number.isFinite(part.durationMs) ? part.durationMs : 0;
  } catch {
    return 0;
  }
}
