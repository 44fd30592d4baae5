/// <reference path="./cacache.d.ts" />
import { createHash } from 'node:crypto';
import { accessSync, constants, mkdirSync } from 'node:fs';
import cacache from 'cacache';
import type { CacheSettings } from './cache-options';
import { EvaluationCacheError } from './evaluation-errors';

/** Codes of a read that finds no usable entry: not there, or damaged (it is then written anew). */
const MISSING = new Set(['ENOENT', 'EINTEGRITY', 'EBADSIZE']);

/**
 * The store of the response cache: text values under content-hash keys, in a cacache directory
 * (npm's cache format: content-addressed files written atomically and an append-only index, safe
 * for several processes reading and writing at once).
 */
export class ResponseCache {
  private constructor(readonly settings: CacheSettings) {}

  /** Opens the directory, creating it for a mode that writes; an unusable one is an `EvaluationCacheError`. */
  static open(settings: CacheSettings): ResponseCache {
    try {
      if (settings.writes) {
        mkdirSync(settings.dir, { recursive: true });
        accessSync(settings.dir, constants.W_OK);
      }
    } catch (error) {
      throw new EvaluationCacheError(settings.dir, 'cannot be created or written', error);
    }
    return new ResponseCache(settings);
  }

  get reads(): boolean {
    return this.settings.reads;
  }

  get writes(): boolean {
    return this.settings.writes;
  }

  /** The value stored under `key`; `undefined` when there is none (or it is damaged). */
  async get(key: string): Promise<string | undefined> {
    try {
      return (await cacache.get(this.settings.dir, key)).data.toString('utf8');
    } catch (error) {
      if (MISSING.has((error as { code?: string } | null)?.code ?? '')) return undefined;
      throw new EvaluationCacheError(this.settings.dir, 'cannot be read', error);
    }
  }

  async put(key: string, value: string): Promise<void> {
    try {
      await cacache.put(this.settings.dir, key, value);
    } catch (error) {
      throw new EvaluationCacheError(this.settings.dir, 'cannot be written', error);
    }
  }
}

/** The cache key of some key material: the SHA-256 of its canonical text. */
export function cacheKey(kind: 'output' | 'joins', text: string): string {
  return `spearmint:${kind}:${createHash('sha256').update(text).digest('hex')}`;
}
