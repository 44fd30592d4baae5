import { closeSync, openSync, truncateSync } from 'node:fs';
import { join } from 'node:path';
import { DynamicValue } from '../../src';

// Configs and config files that reach Spearmint's limits (CONFIG_LIMITS), or go past them.

/** `{ x: { x: ... } }`, `levels` objects below the top level. */
export function nested(levels: number): Record<string, unknown> {
  const top: Record<string, unknown> = {};
  let node = top;
  for (let i = 0; i < levels; i++) node = node.x = {};
  return top;
}

/** A `DynamicValue` of the numbers 0 to `n` − 1: a sweep of `n` configs. */
export const values = (n: number): DynamicValue<number> => new DynamicValue(Array.from({ length: n }, (_, i) => i));

/** `a: &a [...]`, `b: &b [*a × 9]`, ... : 9^levels strings once expanded. */
export function aliasBomb(levels: number): string {
  const name = (i: number) => String.fromCharCode(97 + i);
  let text = `${name(0)}: &${name(0)} [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n`;
  for (let i = 1; i < levels; i++) text += `${name(i)}: &${name(i)} [${new Array(9).fill(`*${name(i - 1)}`).join(', ')}]\n`;
  return text;
}

/** A sparse file of `bytes` bytes (no disk written). */
export function sparseFile(dir: string, name: string, bytes: number): string {
  const file = join(dir, name);
  closeSync(openSync(file, 'w'));
  truncateSync(file, bytes);
  return file;
}
