import { Writable } from 'node:stream';
import { createProgressReporter, PLAIN_EVERY } from '../src/progress-reporter';

/** A stream that records what is written; `tty` makes it look like a terminal, 80 columns wide. */
function capture(tty: boolean): { stream: NodeJS.WriteStream; text: () => string } {
  const chunks: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      chunks.push(String(chunk));
      done();
    },
  });
  Object.assign(stream, { isTTY: tty, columns: 80, rows: 24 });
  // Escape sequences (cursor moves, clear line) removed: what a terminal would show, in order.
  return { stream: stream as unknown as NodeJS.WriteStream, text: () => chunks.join('').replace(/\u001b\[[0-9;?]*[A-Za-z]/g, '') };
}

describe('progress', () => {
  it('on a terminal: a cli-progress bar with percentage and records done of the total', () => {
    const { stream, text } = capture(true);
    const progress = createProgressReporter(stream, 10);
    for (let i = 0; i < 10; i++) progress.tick();
    progress.stop();
    expect(text()).toMatch(/evaluating \[█+\] 100% \| 10\/10 records \| eta 0s/);
    expect(text()).not.toContain('evaluated ');
  });

  it('on a terminal with an unknown total: a running count', () => {
    const { stream, text } = capture(true);
    const progress = createProgressReporter(stream, undefined);
    for (let i = 0; i < 7; i++) progress.tick();
    progress.stop();
    expect(text()).toMatch(/evaluating \| 7 records \| \d+s/);
  });

  it('elsewhere: a plain line at every 10 % of a known total, and a closing line', () => {
    const { stream, text } = capture(false);
    const progress = createProgressReporter(stream, 25);
    for (let i = 0; i < 25; i++) progress.tick();
    progress.stop();
    const lines = text().trimEnd().split('\n');
    expect(lines.slice(0, -1)).toEqual([3, 5, 8, 10, 13, 15, 18, 20, 23, 25].map((n) => `evaluated ${n}/25 records (${Math.floor((n * 100) / 25)}%)`));
    expect(lines.at(-1)).toMatch(/^evaluated 25 record\(s\) in \d+\.\d\d s$/);
  });

  it(`elsewhere with an unknown total: a line every ${PLAIN_EVERY} records`, () => {
    const { stream, text } = capture(false);
    const progress = createProgressReporter(stream, undefined);
    for (let i = 0; i < 2 * PLAIN_EVERY + 5; i++) progress.tick();
    progress.stop();
    expect(text().trimEnd().split('\n').slice(0, -1)).toEqual([`evaluated ${PLAIN_EVERY} records`, `evaluated ${2 * PLAIN_EVERY} records`]);
  });
});
