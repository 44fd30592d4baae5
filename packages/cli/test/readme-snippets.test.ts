/**
 * The README's evaluation and CLI snippets compile as a user's project would compile them:
 * each ```ts block on its own, `strict`, `moduleResolution: nodenext`.
 */
import { join } from 'node:path';
import { markdownSnippets, typeCheckSnippets } from './helpers/type-check-snippets';
import { repoRoot } from './helpers/run-cli-process';

const SECTIONS = ['Evaluation', 'The CLI: `spearmint eval`'];

describe('README snippets (evaluation and CLI)', () => {
  const snippets = markdownSnippets(join(repoRoot, 'README.md'), SECTIONS);

  it('there are snippets to check in each section', () => {
    expect(new Set(snippets.map((snippet) => snippet.section))).toEqual(new Set(SECTIONS));
  });

  it('each compiles under strict with moduleResolution nodenext', () => {
    const problems = typeCheckSnippets(snippets).map(({ snippet, message }) => (snippet ? `${snippet.section}, README line ${snippet.line}: ${message}` : message));
    expect(problems).toEqual([]);
  }, 120_000);

  it('the check finds errors (a snippet with a type error fails)', () => {
    const problems = typeCheckSnippets([
      { section: 'test', line: 1, code: "import { evaluate } from '@spearmint/decorators';\nconst n: number = evaluate;\nexport {};" },
      { section: 'test', line: 10, code: "import { nothing } from '@spearmint/cli';\nexport { nothing };" },
    ]);
    expect(problems.map((problem) => problem.message)).toEqual([
      expect.stringMatching(/^line 2: Type '.*' is not assignable to type 'number'/s),
      "line 10: Module '\"@spearmint/cli\"' has no exported member 'nothing'.",
    ]);
  }, 120_000);
});
