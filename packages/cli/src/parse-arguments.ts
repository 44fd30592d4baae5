import { parseArgs } from 'node:util';
import { type MaxRegression, parseMaxRegression } from './baseline';
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
  /** `--save-run`: where to save the run (the `--json` result) for a later `--baseline`. */
  readonly saveRun?: string;
  /** `--baseline`: a run saved with `--save-run` to compare with. */
  readonly baseline?: string;
  readonly maxRegressions: readonly MaxRegression[];
  /** `--report-records`: how many records the report's `#records` section keeps (`Infinity`: all). */
  readonly reportRecords?: number;
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
  --out <report.html>          write a self-contained HTML report: the table with 95% intervals, each
                               config against main, bar charts, and the records that matter most
  --report-records <n|all>     how many records the report shows (default 200: the largest score
                               spread between configs first, then those where a config failed)
  --json                       print the result as JSON instead of the table
  --threshold <metric=value>   exit with code 1 when the best config's mean of <metric> is below
                               <value> (above it for lower-is-better metrics); repeatable.
                               <metric>@<configId>=<value> judges that config, <metric>@main=<value>
                               the first config
  --save-run <run.json>        save this run (the --json result) to compare later runs with
  --baseline <run.json>        compare every config with the config of the same config_id in a
                               run saved with --save-run: difference of means, 95% interval, flag
  --max-regression <metric=delta>
                               with --baseline: exit with code 1 when a config common to both runs
                               got worse than the baseline by more than <delta>; repeatable
  --concurrency <n>            records in flight at once (default: the definition's, else 4)
  --limit <n>                  evaluate only the first <n> records
  --repeat <n>                 run every record <n> times (default: the definition's, else 1)
  --records <results.jsonl>    write one JSON line per record x config
  -h, --help                   show this help

Output files' folders are created, and metric and config names checked, before any record runs.

Exit codes: 0 all thresholds met, 1 a threshold not met or a max regression exceeded, 2 usage error,
3 evaluation failed, 130 interrupted.`;

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
  const maxRegressions = (values['max-regression'] ?? []).map(parseMaxRegression);
  if (maxRegressions.length > 0 && values.baseline === undefined) {
    throw new UsageError('--max-regression compares with a baseline: add --baseline <run.json> (a run saved with --save-run).', true);
  }
  const reportRecords = reportRecordsFlag(values['report-records']);
  if (reportRecords !== undefined && values.out === undefined) {
    throw new UsageError('--report-records sets how many records the HTML report shows: add --out <report.html>.', true);
  }
  return {
    command: 'eval',
    file,
    ...(values.out !== undefined ? { out: values.out } : {}),
    ...(values.records !== undefined ? { records: values.records } : {}),
    ...(values['save-run'] !== undefined ? { saveRun: values['save-run'] } : {}),
    ...(values.baseline !== undefined ? { baseline: values.baseline } : {}),
    maxRegressions,
    ...(reportRecords !== undefined ? { reportRecords } : {}),
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
  'save-run': { type: 'string' },
  baseline: { type: 'string' },
  'max-regression': { type: 'string', multiple: true },
  'report-records': { type: 'string' },
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
    throw new UsageError(`--${name} expects an integer from ${min} up${name === 'report-records' ? " or 'all'" : ''}, got '${text}'.`, true);
  }
  return { [name]: value } as Partial<Record<K, number>>;
}

function reportRecordsFlag(text: string | undefined): number | undefined {
  if (text === undefined) return undefined;
  if (text.trim() === 'all') return Infinity;
  return integerFlag('report-records', text, 0)['report-records'] ?? undefined;
}
