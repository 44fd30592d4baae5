/**
 * Keeps the `capacity` greatest items of a stream by `compare` (a binary min-heap): adding is
 * O(log capacity), and an item that would not be kept is refused before anything is built for it
 * (`wouldKeep`), so memory stays at `capacity` items however long the stream.
 */
export class BoundedTop<K, V> {
  readonly #heap: { key: K; value: V }[] = [];

  constructor(
    readonly capacity: number,
    /** Negative when `a` ranks below `b`. */
    readonly compare: (a: K, b: K) => number,
  ) {}

  get size(): number {
    return this.#heap.length;
  }

  wouldKeep(key: K): boolean {
    if (this.capacity <= 0) return false;
    return this.#heap.length < this.capacity || this.compare(key, this.#heap[0]!.key) > 0;
  }

  /** Adds `value()` under `key` if it ranks among the greatest; `value` is called only then. */
  offer(key: K, value: () => V): void {
    if (!this.wouldKeep(key)) return;
    const entry = { key, value: value() };
    if (this.#heap.length < this.capacity) {
      this.#heap.push(entry);
      this.#up(this.#heap.length - 1);
    } else {
      this.#heap[0] = entry;
      this.#down(0);
    }
  }

  /** The kept values, greatest first. */
  sorted(): V[] {
    return [...this.#heap].sort((a, b) => this.compare(b.key, a.key)).map((entry) => entry.value);
  }

  #up(i: number): void {
    const heap = this.#heap;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (this.compare(heap[i]!.key, heap[parent]!.key) >= 0) return;
      [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
      i = parent;
    }
  }

  #down(i: number): void {
    const heap = this.#heap;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let least = i;
      if (left < heap.length && this.compare(heap[left]!.key, heap[least]!.key) < 0) least = left;
      if (right < heap.length && this.compare(heap[right]!.key, heap[least]!.key) < 0) least = right;
      if (least === i) return;
      [heap[i], heap[least]] = [heap[least]!, heap[i]!];
      i = least;
    }
  }
}
