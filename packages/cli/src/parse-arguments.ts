import { parseArgs } from 'node:util';
import type { CacheMode, Shard } from '@spearmint/decorators';
import { type MaxRegression, parseMaxRegression } from './baseline';
import { parseThreshold, type Threshold } from './thresholds';
import { UsageError } from './usage-error';
import { USAGE } from './usage';

export { USAGE };

/** The options that say how a result is reported (`eval` and `merge`). */
export interface ReportFlags {
  /** `--out`: the HTML report to write. */
  readonly out?: string;
  /** `--save-run`: where to save the run (the `--json` result) for a later `--baseline`. */
  readonly saveRun?: string;
  /** `--baseline`: a run saved with `--save-run` to compare with. */
  readonly baseline?: string;
  readonly maxRegressions: readonly MaxRegression[];
  /** `--report-records`: how many records the report's `#records` section keeps (`Infinity`: all). */
  readonly reportRecords?: number;
  readonly json: boolean;
  readonly thresholds: readonly Threshold[];
}

/** `spearmint eval <file> [flags]`, parsed. */
export interface EvalCommand extends ReportFlags {
  readonly command: 'eval';
  readonly file: string;
  /** `--records`: the per-record JSONL file to write. */
  readonly records?: string;
  readonly concurrency?: number;
  readonly limit?: number;
  readonly repeat?: number;
  /** `--cache`: the response cache's directory. */
  readonly cache?: string;
  /** `--cache-mode`. */
  readonly cacheMode?: CacheMode;
  /** `--no-cache`: no cache, whatever the definition says. */
  readonly noCache: boolean;
  /** `--shard i/n`. */
  readonly shard?: Shard;
  /** `--workers n`. */
  readonly workers?: number;
}

/** `spearmint merge <shard.json>... [--records <shard.jsonl>...] [flags]`, parsed. */
export interface MergeCommand extends ReportFlags {
  readonly command: 'merge';
  /** The shards' saved runs. */
  readonly parts: readonly string[];
  /** The shards' per-record files, for the report's records section. */
  readonly records: readonly string[];
}

export type Command = EvalCommand | MergeCommand | { readonly command: 'help' };

const REPORT_OPTIONS = {
  out: { type: 'string' },
  json: { type: 'boolean' },
  threshold: { type: 'string', multiple: true },
  'save-run': { type: 'string' },
  baseline: { type: 'string' },
  'max-regression': { type: 'string', multiple: true },
  'report-records': { type: 'string' },
} as const;

const HELP = { help: { type: 'boolean', short: 'h' } } as const;

const { out, ...otherReportOptions } = REPORT_OPTIONS;

// In this order in messages: --out, --records, the other report options, then the command's own.
const EVAL_OPTIONS = {
  out,
  records: { type: 'string' },
  ...otherReportOptions,
  concurrency: { type: 'string' },
  limit: { type: 'string' },
  repeat: { type: 'string' },
  cache: { type: 'string' },
  'cache-mode': { type: 'string' },
  'no-cache': { type: 'boolean' },
  shard: { type: 'string' },
  workers: { type: 'string' },
  ...HELP,
} as const;

const MERGE_OPTIONS = { out, records: { type: 'string', multiple: true }, ...otherReportOptions, ...HELP } as const;

const CACHE_MODES: readonly CacheMode[] = ['read-write', 'read', 'write', 'off'];

/** Parses the command line (without `node` and the script); a `UsageError` says what is wrong. */
export function parseArguments(argv: readonly string[]): Command {
  const first = argv.find((arg) => !arg.startsWith('-'));
  if (first === 'merge') return parseMerge(argv);
  const { values, positionals } = parse(argv, EVAL_OPTIONS);
  if (values.help || positionals[0] === 'help') return { command: 'help' };
  const [command, file, ...extra] = positionals;
  if (command === undefined) throw new UsageError('Missing command: spearmint eval <file>, or spearmint merge <shard.json>...', true);
  if (command !== 'eval') throw new UsageError(`Unknown command '${command}': the commands are 'eval' (spearmint eval <file>) and 'merge' (spearmint merge <shard.json>...).`, true);
  if (file === undefined) throw new UsageError('Missing the definition file: spearmint eval <file> (a .ts or .js file exporting defineEvaluation({...})).', true);
  if (extra.length > 0) throw new UsageError(`Unexpected argument '${extra[0]}': spearmint eval takes one file.`, true);
  const noCache = values['no-cache'] ?? false;
  if (noCache && (values.cache !== undefined || values['cache-mode'] !== undefined)) {
    throw new UsageError('--no-cache contradicts --cache and --cache-mode: give one or the other.', true);
  }
  return {
    command: 'eval',
    file,
    ...reportFlags(values),
    ...(values.records !== undefined ? { records: values.records } : {}),
    ...integerFlag('concurrency', values.concurrency, 1),
    ...integerFlag('limit', values.limit, 0),
    ...integerFlag('repeat', values.repeat, 1),
    ...integerFlag('workers', values.workers, 1),
    ...(values.cache !== undefined ? { cache: nonEmpty('--cache', values.cache) } : {}),
    ...(values['cache-mode'] !== undefined ? { cacheMode: cacheMode(values['cache-mode']) } : {}),
    noCache,
    ...(values.shard !== undefined ? { shard: parseShard(values.shard) } : {}),
  };
}

/** `i/n` with 1 ≤ i ≤ n. */
export function parseShard(text: string): Shard {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  const index = Number(match?.[1]);
  const count = Number(match?.[2]);
  if (!match || !Number.isSafeInteger(count) || count < 1 || index < 1 || index > count) {
    throw new UsageError(`--shard expects i/n with 1 <= i <= n, such as --shard 2/8 (the second of 8 shards); got '${text}'.`, true);
  }
  return { index, count };
}

function parseMerge(argv: readonly string[]): Command {
  const { values, tokens } = parse(argv, MERGE_OPTIONS);
  if (values.help) return { command: 'help' };
  // `--records a.jsonl b.jsonl` (a shell glob): the files after --records, up to the next option.
  const parts: string[] = [];
  const records: string[] = [];
  let afterRecords = false;
  let command = true;
  for (const token of tokens) {
    if (token.kind === 'option') afterRecords = token.name === 'records';
    else if (token.kind === 'positional') {
      if (command) command = false; // 'merge' itself
      else if (afterRecords) records.push(token.value);
      else parts.push(token.value);
    }
  }
  records.unshift(...(values.records ?? []));
  if (parts.length === 0) throw new UsageError('Missing the shards: spearmint merge <shard.json>... (runs saved by spearmint eval --shard i/n --save-run).', true);
  return { command: 'merge', parts, records, ...reportFlags(values) };
}

function reportFlags(values: ReturnType<typeof parse<typeof REPORT_OPTIONS>>['values']): ReportFlags {
  const maxRegressions = (values['max-regression'] ?? []).map(parseMaxRegression);
  if (maxRegressions.length > 0 && values.baseline === undefined) {
    throw new UsageError('--max-regression compares with a baseline: add --baseline <run.json> (a run saved with --save-run).', true);
  }
  const reportRecords = reportRecordsFlag(values['report-records']);
  if (reportRecords !== undefined && values.out === undefined) {
    throw new UsageError('--report-records sets how many records the HTML report shows: add --out <report.html>.', true);
  }
  return {
    ...(values.out !== undefined ? { out: values.out } : {}),
    ...(values['save-run'] !== undefined ? { saveRun: values['save-run'] } : {}),
    ...(values.baseline !== undefined ? { baseline: values.baseline } : {}),
    maxRegressions,
    ...(reportRecords !== undefined ? { reportRecords } : {}),
    json: values.json ?? false,
    thresholds: (values.threshold ?? []).map(parseThreshold),
  };
}

type Options = Parameters<typeof parseArgs>[0] extends infer C ? (C extends { options?: infer O } ? NonNullable<O> : never) : never;

function parse<O extends Options>(argv: readonly string[], options: O) {
  try {
    return parseArgs({ args: [...argv], allowPositionals: true, strict: true, options, tokens: true as const });
  } catch (error) {
    throw new UsageError(parseErrorMessage(error as Error & { code?: string }, options), true);
  }
}

/** node:util's parse errors, shortened: the first sentence, plus the flags for an unknown one. */
function parseErrorMessage(error: Error & { code?: string }, options: Options): string {
  const match = /^[^.]*'[^']*'[^.]*\.|^[^.]*\./.exec(error.message);
  const first = match ? match[0] : `${error.message}.`;
  if (error.code !== 'ERR_PARSE_ARGS_UNKNOWN_OPTION') return first;
  return `${first.replace(/\.$/, '')}; the options are ${Object.keys(options).map((name) => `--${name}`).join(', ')}.`;
}

function cacheMode(text: string): CacheMode {
  if (CACHE_MODES.includes(text as CacheMode)) return text as CacheMode;
  throw new UsageError(`--cache-mode expects ${CACHE_MODES.join(', ')}; got '${text}'.`, true);
}

function nonEmpty(flag: string, text: string): string {
  if (text.trim() === '') throw new UsageError(`${flag} expects a directory, got an empty value.`, true);
  return text;
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
