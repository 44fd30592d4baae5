/**
 * pipeline: retrieve -> rank -> answer, where only the rank step is an experiment. The
 * pipeline's entry point is an experiment without configs, so `run` on it covers every
 * ranker config (nested experiments are found at run time). Several questions go through
 * one `run`, with awaited variants, and each ranker's answers are checked.
 */
import { Config, Spearmint, run } from '@spearmint/decorators';

interface Passage { id: string; title: string; text: string }

const passages: Passage[] = [
  { id: 'reset-password', title: 'Reset your password', text: 'Open Settings > Account and press Reset password. A reset link is sent to your email.' },
  { id: 'change-email', title: 'Change your email address', text: 'Open Settings > Account and edit the email field. Confirm the change from your new email.' },
  { id: 'delete-account', title: 'Delete your account', text: 'Open Settings > Account and press Delete account. Your data is removed after 30 days.' },
  { id: 'export-data', title: 'Export your data', text: 'Open Settings > Privacy and press Export. A download link for a copy of your data arrives by email.' },
  { id: 'two-factor', title: 'Turn on two-factor authentication', text: 'Open Settings > Security and enable two-factor authentication with an authenticator app.' },
];

const questions: [question: string, expected: string][] = [
  ['How do I reset my password?', 'reset-password'],
  ['I forgot my password, can you email me a reset link?', 'reset-password'],
  ['How can I download a copy of my account data?', 'export-data'],
  ['How do I export everything from my account?', 'export-data'],
  ['How do I secure my account with an authenticator app?', 'two-factor'],
];

const STOPWORDS = new Set('a an and can do for from how i in is it me my of on the to with you your'.split(' '));
const terms = (text: string) => (text.toLowerCase().match(/[a-z0-9-]+/g) ?? []).filter((t) => !STOPWORDS.has(t));
const idf = (term: string) => Math.log(passages.length / passages.filter((p) => terms(`${p.title} ${p.text}`).includes(term)).length);

const mint = new Spearmint();

class Ranker {
  @mint.experiment({ configs: [{ scorer: 'overlap' }, { scorer: 'title-boost' }, { scorer: 'idf' }] })
  rank(question: string, candidates: Passage[], config?: Config<{ scorer: 'overlap' | 'title-boost' | 'idf' }>): Passage[] {
    const query = new Set(terms(question));
    const score = (p: Passage): number => {
      const body = terms(p.text).filter((t) => query.has(t));
      const title = terms(p.title).filter((t) => query.has(t));
      if (config!.scorer === 'overlap') return new Set([...body, ...title]).size;
      if (config!.scorer === 'title-boost') return new Set(body).size + 2 * new Set(title).size;
      return [...new Set([...body, ...title])].reduce((sum, t) => sum + idf(t), 0);
    };
    return [...candidates].sort((a, b) => score(b) - score(a)); // stable: ties keep corpus order
  }
}

class QaPipeline {
  constructor(private readonly ranker: Ranker) {}

  @mint.experiment({ configs: [] })
  answer(question: string): { source: string; answer: string } {
    const query = new Set(terms(question));
    const candidates = passages.filter((p) => terms(`${p.title} ${p.text}`).some((t) => query.has(t))); // 1. retrieve
    const [top] = this.ranker.rank(question, candidates); // 2. rank (the experiment)
    return { source: top?.id ?? 'none', answer: top?.text.match(/^[^.]*\./)?.[0] ?? 'Sorry, no idea.' }; // 3. answer
  }
}

const pipeline = new QaPipeline(new Ranker());
const correct = new Map<string, number>();

run(pipeline.answer, true, (runner) => {
  for (const [question, expected] of questions) {
    const results = runner(question);
    console.log(`Q: ${question}`);
    for (const r of [results.mainResult, ...results.variantResults]) {
      const scorer: string = r.experimentCase.getConfig('Ranker.rank').scorer;
      const hit = r.result?.source === expected;
      correct.set(scorer, (correct.get(scorer) ?? 0) + (hit ? 1 : 0));
      const role = r === results.mainResult ? 'main' : 'variant';
      console.log(`  ${role.padEnd(7)} ${scorer.padEnd(11)} ${hit ? 'ok  ' : 'MISS'} [${r.result?.source}] ${r.result?.answer}`);
    }
  }
});

console.log('\ncorrect source per ranker:');
for (const [scorer, n] of correct) console.log(`  ${scorer.padEnd(11)} ${n}/${questions.length}`);
