/**
 * Memo of one non-negative number per unordered pair of non-negative integers (value codes,
 * token ids): an open-addressing hash table on typed arrays. Comparisons ask it millions of
 * times per run (word pairs of street lines, first/last-name code pairs); a `Map` keyed by a
 * packed number cost ~5× more per lookup (hashing, boxed keys past 2^30, pointer chasing).
 */
export class PairMemo {
  private los: Int32Array;
  private his: Int32Array;
  private values: Float64Array;
  private mask: number;
  private count = 0;

  /** `maxEntries`: beyond it, `set` stores nothing more (bounded memory; lookups still work). */
  constructor(private readonly maxEntries = 2_000_000) {
    this.los = new Int32Array(1024).fill(-1);
    this.his = new Int32Array(1024);
    this.values = new Float64Array(1024);
    this.mask = 1023;
  }

  get size(): number {
    return this.count;
  }

  /** The value stored for {x, y} (either order), or -1 when there is none. */
  get(x: number, y: number): number {
    const lo = x < y ? x : y;
    const hi = x < y ? y : x;
    const los = this.los;
    for (let s = slotOf(lo, hi) & this.mask; ; s = (s + 1) & this.mask) {
      const k = los[s]!;
      if (k === -1) return -1;
      if (k === lo && this.his[s] === hi) return this.values[s]!;
    }
  }

  /** Stores `value` (≥ 0) for {x, y}, unless the memo is full. */
  set(x: number, y: number, value: number): void {
    if (this.count >= this.maxEntries) return;
    if ((this.count + 1) * 2 > this.los.length) this.grow();
    this.put(x < y ? x : y, x < y ? y : x, value);
  }

  private put(lo: number, hi: number, value: number): void {
    const los = this.los;
    let s = slotOf(lo, hi) & this.mask;
    for (; los[s] !== -1; s = (s + 1) & this.mask) {
      if (los[s] === lo && this.his[s] === hi) {
        this.values[s] = value;
        return;
      }
    }
    los[s] = lo;
    this.his[s] = hi;
    this.values[s] = value;
    this.count++;
  }

  private grow(): void {
    const { los, his, values } = this;
    const size = los.length * 2;
    this.los = new Int32Array(size).fill(-1);
    this.his = new Int32Array(size);
    this.values = new Float64Array(size);
    this.mask = size - 1;
    this.count = 0;
    for (let s = 0; s < los.length; s++) if (los[s] !== -1) this.put(los[s]!, his[s]!, values[s]!);
  }
}

/** Hash of a pair (murmur3-style mixing: consecutive codes spread over the whole table). */
function slotOf(lo: number, hi: number): number {
  let h = Math.imul(lo, 0xcc9e2d51) ^ hi;
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
