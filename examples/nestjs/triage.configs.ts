import type { ConfigSource } from '@spearmint/nestjs';

/** One way to triage a support ticket: weighted keywords and a threshold. */
export interface TriageRules {
  /** Words that make a ticket urgent, with their weights. */
  urgentWords: Record<string, number>;
  /** A ticket whose score reaches this is urgent. */
  threshold: number;
  /** How long this classifier takes (a remote model would be this slow). */
  latencyMs: number;
}

const baseline: TriageRules = { urgentWords: { down: 3, outage: 3, urgent: 2, asap: 2 }, threshold: 3, latencyMs: 0 };
const wider: TriageRules = {
  urgentWords: { ...baseline.urgentWords, error: 1, broken: 2, refund: 1, cannot: 1, crash: 2 },
  threshold: 3,
  latencyMs: 0,
};

/** The first config is main (its result is the response); the other two run as shadows. */
export const triageConfigs: ConfigSource[] = [
  { config_id: 'keywords-v1', ...baseline },
  { config_id: 'keywords-v2', ...wider },
  { config_id: 'remote-model', ...wider, threshold: 2, latencyMs: 50 },
];
