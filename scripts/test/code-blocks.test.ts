import { extractCodeBlocks } from '../check-docs/code-blocks';

const markdown = [
  '# Title', //                                 1
  '', //                                        2
  '```ts', //                                   3
  "const a: number = 1;", //                    4
  '```', //                                     5
  '', //                                        6
  '<!-- not-compiled -->', //                   7
  '', //                                        8
  '```typescript', //                           9
  'partial(', //                                10
  '```', //                                     11
  '', //                                        12
  '```sh', //                                   13
  'npm test', //                                14
  '```', //                                     15
  '', //                                        16
  '````ts', //                                  17
  '// helper.ts', //                            18
  '```', //                                     19  (a shorter fence inside a longer one is code)
  '````', //                                    20
  '', //                                        21
  '```ts', //                                   22
  "import { Module } from '@nestjs/common';", // 23
  '```', //                                     24
].join('\n');

describe('extractCodeBlocks', () => {
  const blocks = extractCodeBlocks('README.md', markdown);

  it('finds the ts and typescript blocks only, each with the line of its first code line', () => {
    expect(blocks.map((block) => [block.line, block.code])).toEqual([
      [4, 'const a: number = 1;'],
      [10, 'partial('],
      [18, '// helper.ts\n```'],
      [23, "import { Module } from '@nestjs/common';"],
    ]);
    expect(blocks.every((block) => block.file === 'README.md')).toBe(true);
  });

  it('skips a block marked <!-- not-compiled --> on the nearest non-blank line above it', () => {
    expect(blocks.map((block) => block.skipped)).toEqual([false, true, false, false]);
  });

  it('names a block by a `// name.ts` first line, and compiles NestJS blocks with legacy decorators', () => {
    expect(blocks.map((block) => block.moduleName)).toEqual([undefined, undefined, 'helper.ts', undefined]);
    expect(blocks.map((block) => block.legacyDecorators)).toEqual([false, false, false, true]);
  });

  it('rejects a code block that is never closed, naming the file and line', () => {
    expect(() => extractCodeBlocks('docs/x.md', 'text\n```ts\nconst a = 1;\n')).toThrow('docs/x.md:2: code block opened here is never closed');
  });
});
