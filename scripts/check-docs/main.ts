/**
 * `npm run check:docs`: the documentation is part of the product, so it is checked like code.
 *
 * 1. Every TypeScript block of README.md and packages/*\/README.md type-checks under `strict`,
 *    against the built `@spearmint/*` declarations (as an app sees them), with
 *    moduleResolution `bundler` and `nodenext`: stage-3 decorators, and legacy decorators for
 *    the NestJS blocks. A block marked `<!-- not-compiled -->` is skipped (keep those few).
 * 2. TypeDoc's validation: every exported symbol of the packages has a doc comment.
 * 3. API Extractor: each package's committed API report (`etc/*.api.md`) matches its public
 *    surface; after a deliberate change, `npm run api:update` rewrites the reports.
 * 4. Links to sections of the root README (`#anchor`, also from the package READMEs) exist.
 *
 * Builds first when a package's `dist/` is missing or older than its sources.
 */
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildPackages } from '../build-packages';
import { PUBLISHED_PACKAGES, REPOSITORY_URL } from '../published-packages';
import { brokenAnchors } from './anchors';
import { runApiReports } from './api-reports';
import { type CodeBlock, extractCodeBlocks } from './code-blocks';
import { markdownFiles } from './markdown-files';
import { snippetModes } from './snippet-modes';
import { staleBuilds } from './stale-builds';
import { formatProblem, typeCheckSnippets } from './type-check-snippets';

const repoRoot = join(__dirname, '..', '..');
const workDir = join(repoRoot, 'node_modules', '.cache', 'spearmint-check-docs');

function buildIfStale(): boolean {
  const stale = staleBuilds(repoRoot, PUBLISHED_PACKAGES);
  if (stale.length === 0) return true;
  console.log(`check:docs: building first (dist/ missing or older than src/ in ${stale.join(', ')})`);
  return buildPackages(repoRoot, 'check:docs');
}

function checkSnippets(): boolean {
  const files = markdownFiles(repoRoot);
  const blocks: CodeBlock[] = files.flatMap((file) => extractCodeBlocks(file, readFileSync(join(repoRoot, file), 'utf8')));
  const started = Date.now();
  const problems = typeCheckSnippets(blocks, snippetModes(repoRoot), workDir);
  const checked = blocks.filter((block) => !block.skipped);
  const skipped = blocks.filter((block) => block.skipped).map((block) => `${block.file}:${block.line}`);
  for (const problem of problems) {
    const lines = problem.line > 0 ? readLines(problem.file) : undefined;
    console.error(formatProblem(problem, lines?.[problem.line - 1]));
  }
  console.log(
    `snippets: ${checked.length} TypeScript blocks of ${files.length} README files type-checked in ` +
      `${((Date.now() - started) / 1000).toFixed(1)} s: ${problems.length === 0 ? 'ok' : `${problems.length} error(s)`}` +
      (skipped.length > 0 ? `; not compiled (marked): ${skipped.join(', ')}` : ''),
  );
  return problems.length === 0;
}

function checkSectionLinks(): boolean {
  const files = new Map(markdownFiles(repoRoot).map((file) => [file, readFileSync(join(repoRoot, file), 'utf8')]));
  const broken = brokenAnchors(files.get('README.md') ?? '', files, REPOSITORY_URL);
  for (const link of broken) console.error(`${link.file}:${link.line} links to README.md#${link.anchor}, which is no heading of README.md`);
  console.log(`links to README sections: ${broken.length === 0 ? 'ok' : `${broken.length} broken`}`);
  return broken.length === 0;
}

function readLines(file: string): string[] | undefined {
  try {
    return readFileSync(join(repoRoot, file), 'utf8').split(/\r?\n/);
  } catch {
    return undefined;
  }
}

/** Starts TypeDoc's validation in a child process (it runs while the snippets are checked). */
function startDocCommentCheck(): Promise<boolean> {
  const typedoc = join(repoRoot, 'node_modules', 'typedoc', 'bin', 'typedoc');
  const child = spawn(process.execPath, [typedoc, '--emit', 'none', '--treatValidationWarningsAsErrors'], { cwd: repoRoot, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk));
  return new Promise((resolve) => {
    const done = (ok: boolean, detail: string) => {
      if (output.trim()) console.error(output.trimEnd());
      console.log(`doc comments (TypeDoc validation, typedoc.json): ${ok ? 'ok' : `FAILED: ${detail}`}`);
      resolve(ok);
    };
    child.on('error', (error) => done(false, `cannot run TypeDoc: ${error.message}`));
    child.on('close', (code) => done(code === 0, 'document the symbols listed above'));
  });
}

function checkApiReports(): boolean {
  let ok = true;
  for (const outcome of runApiReports(repoRoot, { update: false })) {
    for (const message of outcome.messages) console.error(`${outcome.pkg}: ${message}`);
    if (outcome.changed) {
      console.error(`${outcome.report} does not match the public API of @spearmint/${outcome.pkg}: run \`npm run api:update\` and commit the report.`);
    }
    ok &&= outcome.ok;
  }
  console.log(`API reports (API Extractor, packages/*/etc/*.api.md): ${ok ? 'ok' : 'FAILED'}`);
  return ok;
}

async function main(): Promise<number> {
  if (!buildIfStale()) return 1;
  // Every check runs, so one run lists every problem.
  const docComments = startDocCommentCheck();
  const results = [checkSnippets(), checkSectionLinks(), await docComments, checkApiReports()];
  return results.every(Boolean) ? 0 : 1;
}

void main().then((code) => (process.exitCode = code));
