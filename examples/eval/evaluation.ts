/**
 * eval: the summariser's three configs over 40 articles, scored by keyword recall and
 * compression. Run it with `npm run eval` (the CLI: spearmint eval examples/eval/evaluation.ts
 * --out examples/eval/report.html).
 */
import { join } from 'node:path';
import { defineEvaluation } from '@spearmint/cli';
import { compression, recall } from './evaluators';
import { Summariser } from './summariser';

const summariser = new Summariser();

export default defineEvaluation({
  experiment: summariser.summarise,
  dataset: join(__dirname, '..', 'data', 'summaries.jsonl'),
  evaluators: { recall, compression },
  concurrency: 4,
  thresholds: { recall: 0.5 },
});
