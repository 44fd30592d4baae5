/**
 * A local, deterministic extractive summariser: an experiment with three configs. `lead` keeps
 * the first sentences; `frequency` keeps the sentences whose words are most frequent in the text.
 */
import { Config, Spearmint } from '@spearmint/decorators';

export type SummariserConfig = Config<{ method: 'lead' | 'frequency'; sentences: number }>;

const mint = new Spearmint({
  configs: [
    { config_id: 'lead-1', method: 'lead', sentences: 1 },
    { config_id: 'lead-2', method: 'lead', sentences: 2 },
    { config_id: 'frequency-2', method: 'frequency', sentences: 2 },
  ],
});

const STOPWORDS = new Set(['the', 'and', 'for', 'that', 'with', 'from', 'this', 'have', 'been', 'will', 'into', 'their', 'after', 'over', 'than', 'which', 'they', 'said']);

export class Summariser {
  @mint.experiment()
  summarise(text: string, config?: SummariserConfig): string {
    const sentences = splitSentences(text);
    const count = config!.sentences;
    if (config!.method === 'lead') return sentences.slice(0, count).join(' ');
    const frequency = new Map<string, number>();
    for (const word of contentWords(text)) frequency.set(word, (frequency.get(word) ?? 0) + 1);
    const score = (sentence: string) => {
      const words = contentWords(sentence);
      return words.reduce((sum, word) => sum + frequency.get(word)!, 0) / Math.max(1, words.length);
    };
    const chosen = sentences
      .map((sentence, index) => ({ sentence, index, score: score(sentence) }))
      .sort((a, b) => b.score - a.score || a.index - b.index)
      .slice(0, count)
      .sort((a, b) => a.index - b.index);
    return chosen.map((c) => c.sentence).join(' ');
  }
}

export function splitSentences(text: string): string[] {
  return text.match(/[^.!?]+[.!?]+/g)?.map((s) => s.trim()) ?? [text];
}

/** Lower-case words of four letters or more that are not stopwords. */
export function contentWords(text: string): string[] {
  return (text.toLowerCase().match(/[a-z]+/g) ?? []).filter((word) => word.length > 3 && !STOPWORDS.has(word));
}
