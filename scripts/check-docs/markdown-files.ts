import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

/** The README files whose TypeScript blocks are checked: the root one and each package's. */
export function markdownFiles(repoRoot: string): string[] {
  const packages = readdirSync(join(repoRoot, 'packages'), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => `packages/${entry.name}/README.md`)
    .filter((file) => existsSync(join(repoRoot, file)))
    .sort();
  return ['README.md', ...packages];
}
