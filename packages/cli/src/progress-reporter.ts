import cliProgress from 'cli-progress';

/** Reports records as they finish. */
export interface ProgressReporter {
  /** One more record finished. */
  tick(): void;
  /** The evaluation ended (or stopped). */
  stop(): void;
}

/** Plain lines, when there is no terminal: at every 10 % with a known total, else every this many records. */
export const PLAIN_EVERY = 100;

/**
 * A progress bar (cli-progress) when `stream` is a terminal; otherwise plain lines such as
 * `evaluated 20/50 records (40%)`, at every 10 % of a known total, or every `PLAIN_EVERY`
 * records when the total is unknown (an iterable dataset).
 */
export function createProgressReporter(stream: NodeJS.WriteStream, total: number | undefined): ProgressReporter {
  return stream.isTTY ? barReporter(stream, total) : lineReporter(stream, total);
}

function barReporter(stream: NodeJS.WriteStream, total: number | undefined): ProgressReporter {
  const bar = new cliProgress.SingleBar(
    {
      stream,
      format: total === undefined ? 'evaluating | {value} records | {duration_formatted}' : 'evaluating [{bar}] {percentage}% | {value}/{total} records | eta {eta_formatted}',
      hideCursor: true,
      etaBuffer: 50,
    },
    cliProgress.Presets.shades_classic,
  );
  bar.start(total ?? 0, 0);
  return {
    tick: () => bar.increment(),
    stop: () => bar.stop(),
  };
}

function lineReporter(stream: NodeJS.WriteStream, total: number | undefined): ProgressReporter {
  const started = Date.now();
  let done = 0;
  let lastTenth = 0;
  return {
    tick() {
      done++;
      if (total === undefined || total === 0) {
        if (done % PLAIN_EVERY === 0) stream.write(`evaluated ${done} records\n`);
        return;
      }
      const tenth = Math.floor((done * 10) / total);
      if (tenth > lastTenth) {
        lastTenth = tenth;
        stream.write(`evaluated ${done}/${total} records (${Math.floor((done * 100) / total)}%)\n`);
      }
    },
    stop() {
      stream.write(`evaluated ${done} record(s) in ${((Date.now() - started) / 1000).toFixed(2)} s\n`);
    },
  };
}
