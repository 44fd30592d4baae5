/**
 * `npm run api:update`: builds, then rewrites each package's API report
 * (`packages/<name>/etc/<name>.api.md`) from its public surface. Commit the changes: they are the
 * public API diff a reviewer reads. `npm run check:docs` fails while a report is out of date.
 */
import { join } from 'node:path';
import { buildPackages } from './build-packages';
import { runApiReports } from './check-docs/api-reports';

const repoRoot = join(__dirname, '..');

function main(): number {
  if (!buildPackages(repoRoot, 'api:update')) return 1;
  let ok = true;
  for (const outcome of runApiReports(repoRoot, { update: true })) {
    for (const message of outcome.messages) console.error(`${outcome.pkg}: ${message}`);
    console.log(`${outcome.report}: ${outcome.changed ? 'updated' : 'unchanged'}${outcome.ok ? '' : ' (with errors, see above)'}`);
    ok &&= outcome.ok;
  }
  return ok ? 0 : 1;
}

process.exitCode = main();
