// The `spearmint` executable (built to dist/cli.cjs with a `#!/usr/bin/env node` banner).
import { runCli } from './run-cli';

const controller = new AbortController();
process.once('SIGINT', () => {
  // The first Ctrl-C stops the evaluation and prints the partial result; a second one exits now.
  controller.abort(new Error('interrupted (SIGINT)'));
  process.once('SIGINT', () => process.exit(130));
});

runCli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, cwd: process.cwd() }, controller.signal).then((code) => {
  process.exitCode = code;
});
