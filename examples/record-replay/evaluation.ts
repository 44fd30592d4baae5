/**
 * The replay: `spearmint eval` runs the pricing service's own `Pricing.quote` with three configs
 * on every recorded call, and scores each answer against what production returned. The
 * recording is the file in $RECORDING (`npm run record-replay` records one and sets it).
 */
import { defineEvaluation } from '@spearmint/cli';
import { type EvaluatorContext, matchesExpected } from '@spearmint/decorators';
import { createPricingService, type PricingValues } from '../shadow-http/service';

const recording = process.env.RECORDING;
if (!recording) {
  throw new Error('Set RECORDING to the recording to replay (a JSONL file); `npm run record-replay` records one and sets it.');
}

/** Production's config first (main), then two candidates: bulk pricing, and bulk pricing with a 10 % discount. */
export const REPLAY_CONFIGS: readonly PricingValues[] = [
  { config_id: 'flat', algorithm: 'flat', discount: 0 },
  { config_id: 'tiered', algorithm: 'tiered', discount: 0 },
  { config_id: 'tiered-shadow', algorithm: 'tiered', discount: 0.1 },
];

/** What the service answers, and what the recording holds as `expected`. */
interface Quote {
  readonly total: number;
  readonly algorithm: string;
}

/** 1 when the config charges what production charged, whatever it calls its algorithm. */
const sameTotal = ({ output, expected }: EvaluatorContext<Quote, unknown, Quote>) => (output.total === expected.total ? 1 : 0);

// The service's code with the configs to compare (its HTTP server is never started).
const { pricing } = createPricingService(() => {}, { configs: REPLAY_CONFIGS });

export default defineEvaluation<Quote, typeof pricing.quote>({
  experiment: pricing.quote,
  dataset: recording,
  evaluators: { matches: matchesExpected(), sameTotal },
  // The replay must reproduce production: main (the production config) agrees on every call.
  thresholds: { 'matches@main': 1 },
});
