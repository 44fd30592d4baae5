import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { extractCodeBlocks } from '../check-docs/code-blocks';
import { snippetModes } from '../check-docs/snippet-modes';
import { formatProblem, typeCheckSnippets, type SnippetProblem } from '../check-docs/type-check-snippets';

// Node's built-ins and @nestjs/common only, so that no build is needed. The folder must be inside
// the repository, where node_modules (and @types/node) resolve.
const repoRoot = join(__dirname, '..', '..');
const workDir = join(repoRoot, 'node_modules', '.cache', `spearmint-check-docs-test-${process.pid}`);
afterAll(() => rmSync(workDir, { recursive: true, force: true }));

const markdown = `# Guide

\`\`\`ts
import { readFileSync } from 'node:fs';
const text: string = readFileSync('a.txt', 'utf8');
\`\`\`

\`\`\`ts
// helper.ts
export const double = (n: number): number => n * 2;
\`\`\`

\`\`\`ts
import { double } from './helper';
double(2);
\`\`\`

\`\`\`ts
import { double } from './helper.js';
const four: string = double(2);
function untyped(x) { return x; }
\`\`\`

<!-- not-compiled -->
\`\`\`ts
this is not TypeScript
\`\`\`

\`\`\`ts
import { Inject, Injectable } from '@nestjs/common';

@Injectable()
export class Service {
  constructor(@Inject('TOKEN') readonly token: string) {}
}
\`\`\`

\`\`\`ts
declare function Inject(token: string): ParameterDecorator;
export class Service {
  constructor(@Inject('TOKEN') readonly token: string) {}
}
\`\`\`
`;

const codesAt = (problems: readonly SnippetProblem[]) => problems.map((p) => [p.file, p.line, p.code, p.modes.join('; ')]);

describe('typeCheckSnippets', () => {
  let problems: SnippetProblem[];
  beforeAll(() => {
    problems = typeCheckSnippets(extractCodeBlocks('docs/guide.md', markdown), snippetModes(repoRoot), workDir);
  }, 120_000);

  it('reports each error at its Markdown file and line, with the modes that saw it', () => {
    expect(codesAt(problems)).toEqual([
      // './helper' without an extension: only nodenext refuses it
      ['docs/guide.md', 14, 2835, 'stage-3, nodenext'],
      // strict: a wrong type and an implicit any, in both resolutions
      ['docs/guide.md', 20, 2322, 'stage-3, bundler; stage-3, nodenext'],
      ['docs/guide.md', 21, 7006, 'stage-3, bundler; stage-3, nodenext'],
      // a parameter decorator is legacy-only: fine in the NestJS block, an error in a stage-3 one
      ['docs/guide.md', 41, 1206, 'stage-3, bundler; stage-3, nodenext'],
    ]);
  });

  it('skips blocks marked not-compiled, and lets blocks import a block named `// helper.ts`', () => {
    expect(problems.some((p) => p.line === 26)).toBe(false);
    expect(problems.some((p) => p.code === 2307)).toBe(false);
  });

  it('formats a problem as file:line:column, the code, the message, the modes and the source line', () => {
    const [first] = problems;
    expect(formatProblem(first!, "import { double } from './helper';")).toBe(
      "docs/guide.md:14:24 TS2835 Relative import paths need explicit file extensions in ECMAScript imports when " +
        "'--moduleResolution' is 'node16' or 'nodenext'. Did you mean './helper.js'? [stage-3, nodenext]\n" +
        "    import { double } from './helper';",
    );
  });
});
