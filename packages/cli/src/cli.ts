// The `spearmint` executable (built to dist/cli.cjs with a `#!/usr/bin/env node` banner). Inside
// the worker threads of `--workers`, the same file answers evaluation tasks instead.
import { realpathSync } from 'node:fs';
import { isMainThread, workerData } from 'node:worker_threads';
import { evalWorkerTask } from './eval-worker-task';
import { runCli } from './run-cli';
import { setWorkerEntry } from './worker-entry';
import { isEvalWorker } from './worker-protocol';

if (isMainThread || !isEvalWorker(workerData)) {
  // This very file (built: dist/cli.cjs; from the sources under tsx: src/cli.ts) is what the workers load.
  setWorkerEntry(typeof __filename === 'string' ? __filename : realpathSync(process.argv[1]!));
  const controller = new AbortController();
  process.once('SIGINT', () => {
    // The first Ctrl-C stops the evaluation and prints the partial result; a second one exits now.
    controller.abort(new Error('interrupted (SIGINT)'));
    process.once('SIGINT', () => process.exit(130));
  });

  runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd() }, controller.signal).then((code) => {
    process.exitCode = code;
  });
}

/** The task handler of the `--workers` threads (piscina calls the module's default export). */
export default evalWorkerTask;
