import { spawnSync } from 'node:child_process';

/** `npm run build` (rollup), quietly: its output is shown only when it fails. True on success. */
export function buildPackages(repoRoot: string, caller: string): boolean {
  const build = spawnSync('npm', ['run', 'build', '--silent'], { cwd: repoRoot, encoding: 'utf8' });
  if (build.status === 0) return true;
  console.error(`${build.stdout ?? ''}${build.stderr ?? ''}\n${caller}: npm run build failed${build.error ? `: ${build.error.message}` : ''}`);
  return false;
}
