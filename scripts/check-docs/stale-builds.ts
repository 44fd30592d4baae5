import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The packages whose built declarations (`dist/index.d.mts`) are missing or older than a file
 * of their `src/` — the snippets and the API reports read the built declarations, as users do.
 */
export function staleBuilds(repoRoot: string, packages: readonly string[]): string[] {
  return packages.filter((pkg) => {
    const built = join(repoRoot, 'packages', pkg, 'dist', 'index.d.mts');
    if (!existsSync(built)) return true;
    return newestModification(join(repoRoot, 'packages', pkg, 'src')) > statSync(built).mtimeMs;
  });
}

function newestModification(dir: string): number {
  let newest = statSync(dir).mtimeMs;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestModification(path) : statSync(path).mtimeMs);
  }
  return newest;
}
