import { describeError } from '../internal/describe-error';
import { describeValue } from '../internal/describe';
import { StrategyContext } from '../strategies/strategy-context';
import { logSampleRateError } from '../supervision/loggers';
import type { EntryScope } from './entry-scope';
import type { RunnableExperiment } from './runnable-experiment';

const warned = new WeakSet<RunnableExperiment>();

/**
 * Draws whether an entry call with variants to run (background) takes part in `sampleRate`'s
 * fraction; when not, marks it `sampledOut` and counts it. Drawn once per call, when it first has
 * variants: at entry, or when a nested experiment brings some. Never throws.
 */
export function sampleOut(entry: EntryScope): boolean {
  const experiment = entry.entry;
  if (entry.mode === 'await' || experiment.sampleRate === undefined || samplesIn(experiment, entry)) return false;
  entry.sampledOut = true;
  experiment.supervisor.countSampledOut();
  return true;
}

function samplesIn(experiment: RunnableExperiment, entry: EntryScope): boolean {
  const rate = experiment.sampleRate!;
  if (typeof rate === 'number') return rate > 0 && Math.random() < rate;
  let answer: unknown;
  try {
    // The entry call's request values, also when a nested experiment brings variants later.
    answer = rate(new StrategyContext(experiment.name, experiment, true, entry.requestValues));
  } catch (error) {
    warnOnce(experiment, `threw ${describeError(error)}`);
    return false;
  }
  if (typeof answer === 'boolean') return answer;
  warnOnce(experiment, `returned ${describeValue(answer)}`);
  return false;
}

/** A `sampleRate` function that fails leaves its calls out (no variants), said once per experiment. */
function warnOnce(experiment: RunnableExperiment, what: string): void {
  if (warned.has(experiment)) return;
  warned.add(experiment);
  logSampleRateError(experiment.name, what);
}
