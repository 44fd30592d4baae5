/** `spearmint --help`. */
export const USAGE = `Usage: spearmint eval <file> [options]
       spearmint merge <shard.json>... [--records <shard.jsonl>...] [report options]

spearmint eval: evaluates the experiment defined in <file> (.ts or .js, exporting
defineEvaluation({...}) as its default export or as \`evaluation\`): every config on every record,
scored by the evaluators.

Report options (eval and merge):
  --out <report.html>          write a self-contained HTML report: the table with 95% intervals, each
                               config against main, bar charts, and the records that matter most
  --report-records <n|all>     how many records the report shows (default 200: the largest score
                               spread between configs first, then those where a config failed)
  --json                       print the result as JSON instead of the table
  --threshold <metric=value>   exit with code 1 when the best config's mean of <metric> is below
                               <value> (above it for lower-is-better metrics); repeatable.
                               <metric>@<configId>=<value> judges that config, <metric>@main=<value>
                               the first config
  --save-run <run.json>        save this run (the --json result) to compare later runs with; with
                               --shard, the file also holds what spearmint merge needs
  --baseline <run.json>        compare every config with the config of the same config_id in a
                               run saved with --save-run: difference of means, 95% interval, flag
  --max-regression <metric=delta>
                               with --baseline: exit with code 1 when a config common to both runs
                               got worse than the baseline by more than <delta>; repeatable

Evaluation options (eval):
  --concurrency <n>            records in flight at once (default: the definition's, else 4)
  --limit <n>                  evaluate only the first <n> records
  --repeat <n>                 run every record <n> times (default: the definition's, else 1)
  --records <results.jsonl>    write one JSON line per record x config
  --cache <dir>                reuse the outputs of earlier runs stored in <dir> (same experiment,
                               config_ids, input and repetition): no call for those; store new ones
  --cache-mode <mode>          read-write (default), read (never store), write (always call, store),
                               or off
  --no-cache                   use no cache, even if the definition sets one
  --shard <i/n>                evaluate only shard i of n: the records whose position modulo n is
                               i - 1 (with --save-run, then spearmint merge the n files)
  --workers <n>                evaluate in <n> worker threads (for CPU-bound functions); each
                               loads <file>; the result is the same as in one thread

spearmint merge: merges the runs of every shard (saved by spearmint eval --shard i/n --save-run)
into the result of the whole dataset, exactly as one run would give it, then reports it as eval
does. --records <shard.jsonl>... (every file after it, up to the next option) gives the shards'
per-record files, for the report's records section.

Output files' folders are created, and metric and config names checked, before any record runs.

Exit codes: 0 all thresholds met, 1 a threshold not met or a max regression exceeded, 2 usage error,
3 evaluation failed, 130 interrupted.`;
