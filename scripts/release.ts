/**
 * `npm run release`: builds and checks the four published packages, then publishes the versions
 * that `npx changeset version` wrote (changesets skips a version already on the registry, and
 * tags each published one). npm provenance comes from `publishConfig.provenance` in each
 * package.json; it needs a CI with an OIDC token (GitHub Actions, `id-token: write`).
 *
 * `npm run release -- --dry-run`: the same builds and checks, then `npm publish --dry-run` of
 * each package (the tarball's files, no upload): what CI runs on every change.
 */
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { PUBLISHED_PACKAGES } from './published-packages';

const repoRoot = join(__dirname, '..');
const dryRun = process.argv.includes('--dry-run');

function step(title: string, command: string, args: string[]): boolean {
  console.log(`\nrelease${dryRun ? ' (dry run)' : ''}: ${title}: ${command} ${args.join(' ')}`);
  const { status, error } = spawnSync(command, args, { cwd: repoRoot, stdio: 'inherit' });
  if (status === 0) return true;
  console.error(`release: ${title} failed${error ? `: ${error.message}` : ` (exit code ${status})`}; nothing was published.`);
  return false;
}

function main(): number {
  const unknown = process.argv.slice(2).filter((arg) => arg !== '--dry-run');
  if (unknown.length > 0) {
    console.error(`release: unknown argument(s) ${unknown.join(' ')}; usage: npm run release [-- --dry-run]`);
    return 2;
  }
  // Build, then publint and attw (--pack) on every package.
  if (!step('build and package checks', 'npm', ['run', 'check:pkg'])) return 1;
  // README snippets, doc comments, API reports.
  if (!step('documentation checks', 'npm', ['run', 'check:docs'])) return 1;
  if (!dryRun) return step('publish', 'npx', ['changeset', 'publish']) ? 0 : 1;
  for (const pkg of PUBLISHED_PACKAGES) {
    if (!step(`publish @spearmint/${pkg}`, 'npm', ['publish', '--dry-run', '--workspace', `packages/${pkg}`])) return 1;
  }
  return 0;
}

process.exitCode = main();
