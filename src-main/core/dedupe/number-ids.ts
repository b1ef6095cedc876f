/**
 * Dense ids (0, 1, 2, … in order of first appearance) for integer-valued numbers up to 2^53:
 * blocking keys and packed comparison patterns. An open-addressing table on typed arrays;
 * a `Map` with such keys boxes every key past 2^30 and hashes it as a heap number, which made
 * grouping 100k records by a blocking key several times slower.
 */
export class NumberIds {
  private keys: Float64Array;
  private ids: Int32Array;
  private mask: number;
  private count = 0;

  constructor(expected = 1024) {
    let size = 1024;
    while (size < expected * 2) size *= 2;
    this.keys = new Float64Array(size);
    this.ids = new Int32Array(size).fill(-1);
    this.mask = size - 1;
  }

  /** Ids handed out so far. */
  get size(): number {
    return this.count;
  }

  /** The id of `key`, a new one when it was never seen. */
  idOf(key: number): number {
    if ((this.count + 1) * 2 > this.ids.length) this.grow();
    const ids = this.ids;
    const keys = this.keys;
    for (let s = slotOf(key) & this.mask; ; s = (s + 1) & this.mask) {
      const id = ids[s]!;
      if (id === -1) {
        keys[s] = key;
        ids[s] = this.count;
        return this.count++;
      }
      if (keys[s] === key) return id;
    }
  }

  /** The id of `key`, or -1 when it was never seen. */
  find(key: number): number {
    for (let s = slotOf(key) & this.mask; ; s = (s + 1) & this.mask) {
      const id = this.ids[s]!;
      if (id === -1 || this.keys[s] === key) return id;
    }
  }

  private grow(): void {
    const { keys, ids } = this;
    const size = ids.length * 2;
    this.keys = new Float64Array(size);
    this.ids = new Int32Array(size).fill(-1);
    this.mask = size - 1;
    for (let s = 0; s < ids.length; s++) {
      if (ids[s] === -1) continue;
      let t = slotOf(keys[s]!) & this.mask;
      while (this.ids[t] !== -1) t = (t + 1) & this.mask;
      this.keys[t] = keys[s]!;
      this.ids[t] = ids[s]!;
    }
  }
}

/** Hash of an integer-valued number < 2^53 from its low and high 32 bits (murmur3 finaliser). */
function slotOf(key: number): number {
  let h = (key >>> 0) ^ Math.imul((key / 4294967296) >>> 0, 0x9e3779b1);
  h = Math.imul(h ^ (h >>> 16), 0x85ebca6b);
  h = Math.imul(h ^ (h >>> 13), 0xc2b2ae35);
  return (h ^ (h >>> 16)) >>> 0;
}
