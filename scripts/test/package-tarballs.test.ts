/**
 * What `npm publish` would upload: each published package's tarball holds its README, the
 * LICENSE, package.json and the build (dist/), nothing else, and its package.json carries what
 * the registry page and provenance need. Needs `npm run build` (npm test builds first).
 */
import { execFile } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { PUBLISHED_PACKAGES, REPOSITORY_URL, type PublishedPackage } from '../published-packages';

const repoRoot = join(__dirname, '..', '..');

interface PackOutput {
  files: { path: string }[];
}

function packedFiles(pkg: PublishedPackage): Promise<string[]> {
  return new Promise((resolve, reject) => {
    execFile('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: join(repoRoot, 'packages', pkg) }, (error, stdout, stderr) => {
      if (error) return reject(new Error(`npm pack --dry-run in packages/${pkg} failed: ${stderr}`));
      const [output] = JSON.parse(stdout) as PackOutput[];
      resolve(output!.files.map((file) => file.path).sort());
    });
  });
}

describe.each(PUBLISHED_PACKAGES)('@spearmint/%s', (pkg) => {
  const dir = join(repoRoot, 'packages', pkg);
  const manifest = JSON.parse(readFileSync(join(dir, 'package.json'), 'utf8'));
  // @spearmint/core also ships `internal/package.json`: the `@spearmint/core/internal` subpath for
  // resolvers that do not read `exports` (TypeScript's `moduleResolution: node`).
  const subpaths = pkg === 'core' ? ['internal'] : [];

  it('packs README.md, LICENSE, package.json and dist/ only', async () => {
    const built = ['index.mjs', 'index.cjs', 'index.d.mts', 'index.d.cts'].map((file) => `dist/${file}`);
    for (const file of built) expect(existsSync(join(dir, file)) || `missing packages/${pkg}/${file}: run npm run build`).toBe(true);
    const files = await packedFiles(pkg);
    expect(files.filter((file) => !file.startsWith('dist/'))).toEqual(['LICENSE', 'README.md', ...subpaths.map((subpath) => `${subpath}/package.json`), 'package.json']);
    expect(files).toEqual(expect.arrayContaining(built));
  }, 60_000);

  it('ships the repository LICENSE, and has a README and a CHANGELOG', () => {
    expect(readFileSync(join(dir, 'LICENSE'), 'utf8')).toBe(readFileSync(join(repoRoot, 'LICENSE'), 'utf8'));
    expect(readFileSync(join(dir, 'README.md'), 'utf8')).toMatch(new RegExp(`^# ${manifest.name}\\n`));
    expect(readFileSync(join(dir, 'CHANGELOG.md'), 'utf8')).toMatch(new RegExp(`^# ${manifest.name}\\n\\n## ${manifest.version.replace(/\./g, '\\.')}\\n`));
  });

  it('has the metadata of the registry page, and publishes publicly with provenance', () => {
    expect(manifest).toMatchObject({
      name: `@spearmint/${pkg}`,
      description: expect.stringMatching(/\S{10}/),
      keywords: expect.arrayContaining(['spearmint']),
      license: 'MIT',
      homepage: `${REPOSITORY_URL}/tree/main/packages/${pkg}#readme`,
      repository: { type: 'git', url: `git+${REPOSITORY_URL}.git`, directory: `packages/${pkg}` },
      bugs: { url: `${REPOSITORY_URL}/issues` },
      sideEffects: false,
      files: ['dist', ...subpaths],
      publishConfig: { access: 'public', provenance: true },
    });
    // `npm publish` rewrites `./dist/x` to `dist/x` with a warning ("run npm pkg fix"): write it normalized.
    for (const target of Object.values<string>(manifest.bin ?? {})) expect(target).toMatch(/^dist\/[\w.-]+$/);
  });
});
