/**
 * Seeded pseudo-random numbers for the bench data generator. mulberry32: 32-bit state, fast, good
 * enough for test data, and identical on every machine (Math.random is neither seedable nor stable).
 */
export class Prng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** Uniform float in [0, 1). */
  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** Integer in [min, max] (both inclusive). */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  chance(probability: number): boolean {
    return this.next() < probability;
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)]!;
  }

  /** Picks a key with probability proportional to its weight. Pass a constant table (cached by identity). */
  weighted<K extends string>(weights: Readonly<Record<K, number>>): K {
    let table = cumulativeTables.get(weights);
    if (!table) {
      let total = 0;
      const keys = Object.keys(weights) as K[];
      const bounds = keys.map((k) => (total += weights[k]));
      table = { keys, bounds, total };
      cumulativeTables.set(weights, table);
    }
    const r = this.next() * table.total;
    const { bounds } = table;
    for (let i = 0; i < bounds.length; i++) if (r < bounds[i]!) return table.keys[i] as K;
    return table.keys[bounds.length - 1] as K;
  }

  /** `n` random decimal digits (leading zeros allowed). */
  digits(n: number): string {
    let s = '';
    for (let i = 0; i < n; i++) s += String(Math.floor(this.next() * 10));
    return s;
  }
}

const cumulativeTables = new WeakMap<object, { keys: string[]; bounds: number[]; total: number }>();
