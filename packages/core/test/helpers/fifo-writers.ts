import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { once } from 'node:events';
import { join } from 'node:path';

/**
 * Returns a function that makes the FIFO `dir/name` with a writer waiting on it, so that code
 * which reads FIFOs loads `a: 1` (and fails the test) rather than hangs. The writers still
 * waiting are killed after each test of the enclosing `describe`.
 */
export function fifoWriters(): (dir: string, name: string) => string {
  const writers: ChildProcess[] = [];
  afterEach(async () => {
    for (const writer of writers.splice(0)) {
      if (writer.exitCode === null && writer.signalCode === null) {
        writer.kill();
        await once(writer, 'exit');
      }
    }
  });
  return (dir, name) => {
    const fifo = join(dir, name);
    execFileSync('mkfifo', [fifo]);
    writers.push(spawn('sh', ['-c', 'printf "a: 1\\n" > "$0"', fifo], { stdio: 'ignore' }));
    return fifo;
  };
}
