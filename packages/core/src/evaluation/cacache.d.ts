// The part of cacache's API the response cache uses (cacache ships no type declarations).
declare module 'cacache' {
  interface CacheEntry {
    readonly data: Buffer;
    readonly integrity: string;
    readonly size: number;
  }

  interface Cacache {
    /** The data stored under `key`; rejects with code `ENOENT` when there is none. */
    get(cache: string, key: string): Promise<CacheEntry>;
    /** Stores `data` under `key` (content-addressed, atomic, safe for concurrent writers); resolves with its integrity. */
    put(cache: string, key: string, data: string | Buffer): Promise<string>;
  }

  const cacache: Cacache;
  export default cacache;
}
