/** The two evaluators of the example: keyword recall (higher is better) and compression (lower is better). */
import type { EvaluatorContext, EvaluatorDefinition } from '@spearmint/decorators';

/** What each record of examples/data/summaries.jsonl expects. */
export interface Reference {
  readonly keywords: readonly string[];
  readonly summary: string;
}

/** The share of the reference keywords that the summary contains (a keyword also matches its plural). */
export function recall({ output, expected }: EvaluatorContext<string, unknown, Reference>): number {
  const words = new Set(output.toLowerCase().match(/[a-z]+/g) ?? []);
  const keywords = expected.keywords;
  return keywords.filter((keyword) => words.has(keyword) || words.has(`${keyword}s`)).length / keywords.length;
}

/** The summary's length as a share of the article's, in words: lower is more concise. */
export const compression: EvaluatorDefinition<string> = {
  better: 'lower',
  score: ({ output, args }) => wordCount(output) / wordCount(String(args[0])),
};

function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}
