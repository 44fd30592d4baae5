import { parseArgs } from 'node:util';
import { parseThreshold, type Threshold } from './thresholds';
import { UsageError } from './usage-error';

/** `spearmint eval <file> [flags]`, parsed. */
export interface EvalCommand {
  readonly command: 'eval';
  readonly file: string;
  /** `--out`: the HTML report to write. */
  readonly out?: string;
  /** `--records`: the per-record JSONL file to write. */
  readonly records?: string;
  readonly json: boolean;
  readonly thresholds: readonly Threshold[];
  readonly concurrency?: number;
  readonly limit?: number;
  readonly repeat?: number;
}

export type Command = EvalCommand | { readonly command: 'help' };

export const USAGE = `Usage: spearmint eval <file> [options]

Evaluates the experiment defined in <file> (.ts or .js, exporting defineEvaluation({...}) as its
default export or as \`evaluation\`): every config on every record, scored by the evaluators.

Options:
  --out <report.html>        write a self-contained HTML report (table and a bar chart per metric)
  --json                     print the result as JSON instead of the table
  --threshold <metric=value> exit with code 1 when the best config's mean of <metric> is below
                             <value> (above it for lower-is-better metrics); repeatable
  --concurrency <n>          records in flight at once (default: the definition's, else 4)
  --limit <n>                evaluate only the first <n> records
  --repeat <n>               run every record <n> times (default: the definition's, else 1)
  --records <results.jsonl>  write one JSON line per record x config
  -h, --help                 show this help

Exit codes: 0 all thresholds met, 1 a threshold not met, 2 usage error, 3 evaluation failed.`;

/** Parses the command line (without `node` and the script); a `UsageError` says what is wrong. */
export function parseArguments(argv: readonly string[]): Command {
  let parsed: ReturnType<typeof parse>;
  try {
    parsed = parse(argv);
  } catch (error) {
    throw new UsageError(parseErrorMessage(error as Error & { code?: string }), true);
  }
  const { values, positionals } = parsed;
  if (values.help || positionals[0] === 'help') return { command: 'help' };
  const [command, file, ...extra] = positionals;
  if (command === undefined) throw new UsageError('Missing command: spearmint eval <file>.', true);
  if (command !== 'eval') throw new UsageError(`Unknown command '${command}': the only command is 'eval' (spearmint eval <file>).`, true);
  if (file === undefined) throw new UsageError('Missing the definition file: spearmint eval <file> (a .ts or .js file exporting defineEvaluation({...})).', true);
  if (extra.length > 0) throw new UsageError(`Unexpected argument '${extra[0]}': spearmint eval takes one file.`, true);
  return {
    command: 'eval',
    file,
    ...(values.out !== undefined ? { out: values.out } : {}),
    ...(values.records !== undefined ? { records: values.records } : {}),
    json: values.json ?? false,
    thresholds: (values.threshold ?? []).map(parseThreshold),
    ...integerFlag('concurrency', values.concurrency, 1),
    ...integerFlag('limit', values.limit, 0),
    ...integerFlag('repeat', values.repeat, 1),
  };
}

const OPTIONS = {
  out: { type: 'string' },
  records: { type: 'string' },
  json: { type: 'boolean' },
  threshold: { type: 'string', multiple: true },
  concurrency: { type: 'string' },
  limit: { type: 'string' },
  repeat: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

function parse(argv: readonly string[]) {
  return parseArgs({ args: [...argv], allowPositionals: true, strict: true, options: OPTIONS });
}

/** node:util's parse errors, shortened: the first sentence, plus the flags for an unknown one. */
function parseErrorMessage(error: Error & { code?: string }): string {
  const match = /^[^.]*'[^']*'[^.]*\.|^[^.]*\./.exec(error.message);
  const first = match ? match[0] : `${error.message}.`;
  if (error.code !== 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return first;
  return `${first.replace(/\.$/, '')}; the options are ${Object.keys(OPTIONS).map((name) => `--${name}`).join(', ')}.`;
}

function integerFlag<K extends string>(name: K, text: string | undefined, min: number): Partial<Record<K, number>> {
  if (text === undefined) return {};
  const value = Number(text);
  if (!/^\d+$/.test(text.trim()) || !Number.isSafeInteger(value) || value < min) {
    throw new UsageError(`--${name} expects an integer from ${min} up, got '${text}'.`, true);
  }
  return { [name]: value } as Partial<Record<K, number>>;
}
