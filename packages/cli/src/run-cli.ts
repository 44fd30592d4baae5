import type { CliIo } from './cli-io';
import { EXIT } from './exit-codes';
import { parseArguments, USAGE } from './parse-arguments';
import { runEval } from './run-eval';
import { runMerge } from './run-merge';
import { UsageError } from './usage-error';

/**
 * Runs the `spearmint` command line and resolves with its exit code (0 ok, 1 a threshold not
 * met, 2 usage error, 3 evaluation failed, 130 interrupted). Never rejects: every failure is
 * printed to `io.stderr`.
 */
export async function runCli(argv: readonly string[], io: CliIo, signal: AbortSignal = new AbortController().signal): Promise<number> {
  try {
    const command = parseArguments(argv);
    if (command.command === 'help') {
      io.stdout.write(`${USAGE}\n`);
      return EXIT.ok;
    }
    if (command.command === 'merge') return await runMerge(command, io);
    return await runEval(command, io, signal);
  } catch (error) {
    if (error instanceof UsageError) {
      io.stderr.write(`spearmint: ${error.message}\n${error.showUsage ? `\n${USAGE}\n` : 'Run spearmint --help for the usage.\n'}`);
      return EXIT.usage;
    }
    io.stderr.write(`spearmint: unexpected failure: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    return EXIT.evaluationFailed;
  }
}
