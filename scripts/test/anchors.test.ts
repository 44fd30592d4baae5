import { brokenAnchors, headingAnchors } from '../check-docs/anchors';

const readme = [
  '# Spearmint for TypeScript',
  '## Running: `run` and `arun`',
  '```sh',
  '# not a heading',
  '```',
  '### Config values and ids',
  '## Examples',
  '## Examples',
].join('\n');

it('gives headings the ids GitHub gives them, outside code blocks, numbering repeats', () => {
  expect([...headingAnchors(readme)]).toEqual([
    'spearmint-for-typescript',
    'running-run-and-arun',
    'config-values-and-ids',
    'examples',
    'examples-1',
  ]);
});

it('finds links to README sections that do not exist, in the README and in package READMEs', () => {
  const repo = 'https://github.com/o/r';
  const files = new Map([
    ['README.md', `${readme}\nsee [run](#running-run-and-arun) and [gone](#strategies)`],
    ['packages/core/README.md', `[a](${repo}#config-values-and-ids) [b](${repo}#readme)\n[c](${repo}#nope) [elsewhere](https://example.com#nope)`],
  ]);
  expect(brokenAnchors(readme, files, repo)).toEqual([
    { file: 'README.md', line: 9, anchor: 'strategies' },
    { file: 'packages/core/README.md', line: 2, anchor: 'nope' },
  ]);
});
