import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

const FILE = join(__dirname, 'RESULTS.md');
const HEADER = '# Benchmark and load results\n\nWritten by `npm run bench`, `npm run load` and `npm run eval:memory`; each rewrites its own section.\n';

/** Replaces the section `name` of bench/RESULTS.md (between its markers) with `body`. */
export function writeResultsSection(name: string, body: string): void {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const text = existsSync(FILE) ? readFileSync(FILE, 'utf8') : HEADER;
  const section = `${start}\n${body.trim()}\n${end}`;
  const pattern = new RegExp(`${start}[\\s\\S]*?${end}`);
  writeFileSync(FILE, pattern.test(text) ? text.replace(pattern, section) : `${text.trimEnd()}\n\n${section}\n`);
}

/** A markdown table. */
export function markdownTable(header: string[], rows: string[][]): string {
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

/** Node, OS and CPU, for the record. */
export function machineLine(): string {
  const os = require('node:os') as typeof import('node:os');
  return `Node ${process.version}, ${os.type()} ${os.release()}, ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB`;
}
