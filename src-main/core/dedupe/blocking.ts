import { NumberIds } from './number-ids';
import { cologne, doubleMetaphone, frenchPhonetic } from './phonetics';
import { F, KIND_CODE, KIND_NONE, type RecordTable } from './records';

/**
 * Blocking: candidate pairs = union over several blocking keys (pairs sharing a key) plus a
 * sorted neighbourhood on the name, deduplicated. Oversized blocks (a common email such as
 * info@…, a huge town) are not compared all-pairs: their members are sorted by name and only
 * neighbours within the window are paired, so the work stays linear.
 */
export interface BlockingOptions {
  /** Blocks up to this size are compared all-pairs. */
  maxBlock: number;
  /** Window of the sorted neighbourhood (and of oversized blocks). */
  window: number;
  /** Blocking rules to leave out (by name; for measurements). */
  skip?: string[];
}

export const DEFAULT_BLOCKING: BlockingOptions = { maxBlock: 10, window: 3 };

export interface BlockingStats {
  keys: Record<string, { blocks: number; pairs: number; capped: number }>;
  candidatePairs: number;
  allPairs: number;
  /** 1 − candidate pairs / all pairs. */
  reductionRatio: number;
}

export interface CandidatePairs {
  /** Record indexes, a[k] < b[k], sorted by (a, b), unique. */
  a: Int32Array;
  b: Int32Array;
  stats: BlockingStats;
}

const SHIFT = 2 ** 26; // record indexes and interned key parts stay below 67M

/** Growing buffer of pair codes lo·2^26 + hi. */
class PairBuffer {
  buf = new Float64Array(1 << 16);
  n = 0;
  push(i: number, j: number): void {
    if (i === j) return;
    if (this.n === this.buf.length) {
      const next = new Float64Array(this.buf.length * 2);
      next.set(this.buf);
      this.buf = next;
    }
    this.buf[this.n++] = i < j ? i * SHIFT + j : j * SHIFT + i;
  }
}

/** Maps each dictionary value of a field to an interned derived code (0 = none). */
function derive(t: RecordTable, f: number, fn: (v: string) => string): Int32Array {
  const dict = t.columns[f]!.dict;
  const out = new Int32Array(dict.length);
  const ids = new Map<string, number>();
  for (let k = 1; k < dict.length; k++) {
    const v = fn(dict[k]!);
    if (!v) continue;
    let id = ids.get(v);
    if (id === undefined) ids.set(v, (id = ids.size + 1));
    out[k] = id;
  }
  return out;
}

/** Rank of each dictionary value in sorted order (for sorted neighbourhood). */
function ranks(t: RecordTable, f: number): Int32Array {
  const dict = t.columns[f]!.dict;
  const order = Array.from({ length: dict.length }, (_, k) => k);
  order.sort((x, y) => (dict[x]! < dict[y]! ? -1 : dict[x]! > dict[y]! ? 1 : 0));
  const r = new Int32Array(dict.length);
  order.forEach((k, pos) => (r[k] = pos));
  return r;
}

/** Key of record i for one blocking rule; -1 = no key (missing parts). */
type KeyFn = (i: number) => number;

export function buildCandidatePairs(
  t: RecordTable,
  options: BlockingOptions = DEFAULT_BLOCKING,
  onProgress?: (phase: string) => void,
): CandidatePairs {
  const { n, kind } = t;
  const col = (f: number) => t.columns[f]!.codes;
  const first = col(F.first);
  const last = col(F.last);
  const dob = col(F.dob);
  const zip = col(F.zip);
  const town = col(F.town);
  const org = col(F.org);
  const street = col(F.street);

  const lastCologne = derive(t, F.last, cologne);
  const lastFrench = derive(t, F.last, frenchPhonetic);
  const lastMeta = derive(t, F.last, (v) => doubleMetaphone(v)[0]);
  const firstMeta = derive(t, F.first, (v) => doubleMetaphone(v)[0]);
  const firstInitial = derive(t, F.first, (v) => v[0]!);
  const lastPrefix = derive(t, F.last, (v) => v.replace(/ /g, '').slice(0, 2));
  const dobYear = derive(t, F.dob, (v) => v.slice(0, 4));
  const orgCologne = derive(t, F.org, (v) => cologne(v).slice(0, 8));
  const orgWord = derive(t, F.org, (v) => v.split(' ')[0]!);
  // Phones: one shared key space for mobile and landline, so a mobile typed as TELEPHONE meets.
  const phoneIds = new Map<string, number>();
  const phoneKey = (f: number) => {
    const dict = t.columns[f]!.dict;
    const out = new Int32Array(dict.length);
    for (let k = 1; k < dict.length; k++) {
      const v = dict[k]!.slice(-9);
      let id = phoneIds.get(v);
      if (id === undefined) phoneIds.set(v, (id = phoneIds.size + 1));
      out[k] = id;
    }
    return out;
  };
  const mobileK = phoneKey(F.mobile);
  const phoneK = phoneKey(F.phone);
  const mobile = col(F.mobile);
  const phone = col(F.phone);
  const email = col(F.email);

  // Interned pair of two codes (keeps combined keys small enough for exact float arithmetic).
  const pairIds = new NumberIds();
  const pairId = (x: number, y: number): number => (x && y ? pairIds.idOf(x * SHIFT + y) + 1 : 0);
  // kind folded into the key so individuals, structures and relays never pair up
  const k2 = (i: number, a: number, b: number) => (a && b ? (a * 4 + kind[i]!) * SHIFT + b : -1);
  const isPerson = (i: number) => kind[i] === KIND_CODE.individual || kind[i] === KIND_CODE.structure_relay;
  const isOrg = (i: number) => kind[i] === KIND_CODE.structure || kind[i] === KIND_CODE.structure_relay;
  const rules: Array<[string, KeyFn, number?]> = [
    ['cologne(last)+zip', (i) => (isPerson(i) ? k2(i, lastCologne[last[i]!]!, zip[i]!) : -1)],
    [
      'french(last)+initial+town',
      (i) => (isPerson(i) ? k2(i, lastFrench[last[i]!]! * 64 + firstInitial[first[i]!]!, town[i]!) : -1),
    ],
    [
      'metaphone(first+last)+town',
      (i) => (isPerson(i) ? k2(i, pairId(firstMeta[first[i]!]!, lastMeta[last[i]!]!), town[i]!) : -1),
    ],
    // A birthdate alone makes blocks that grow with the file (1M people share ~35k dates):
    // small ones are compared all-pairs, bigger ones only between name neighbours.
    ['birthdate', (i) => (isPerson(i) ? k2(i, dob[i]!, 1) : -1), 10],
    [
      'last[0..2]+initial+birth year',
      (i) =>
        isPerson(i) ? k2(i, lastPrefix[last[i]!]! * 64 + firstInitial[first[i]!]!, dobYear[dob[i]!]!) : -1,
    ],
    ['email', (i) => (kind[i] !== KIND_NONE ? k2(i, email[i]!, 1) : -1)],
    ['mobile', (i) => (kind[i] !== KIND_NONE ? k2(i, mobileK[mobile[i]!]!, 1) : -1)],
    ['telephone', (i) => (kind[i] !== KIND_NONE ? k2(i, phoneK[phone[i]!]!, 1) : -1)],
    ['org word+zip', (i) => (isOrg(i) ? k2(i, orgWord[org[i]!]!, zip[i]!) : -1)],
    ['cologne(org)+town', (i) => (isOrg(i) ? k2(i, orgCologne[org[i]!]!, town[i]!) : -1)],
    ['street+zip (structures)', (i) => (kind[i] === KIND_CODE.structure ? k2(i, street[i]!, zip[i]!) : -1)],
  ];

  // Sorted-neighbourhood order: kind, then (org,) last, first by dictionary rank.
  const lastRank = ranks(t, F.last);
  const firstRank = ranks(t, F.first);
  const orgRank = ranks(t, F.org);
  const sortKey = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const k = kind[i]!;
    const primary = k === KIND_CODE.structure ? orgRank[org[i]!]! : lastRank[last[i]!]!;
    const secondary = k === KIND_CODE.structure ? 0 : firstRank[first[i]!]!;
    sortKey[i] = ((k === KIND_NONE ? 3 : k) * 4194304 + primary) * 4194304 + secondary;
  }

  const out = new PairBuffer();
  const stats: BlockingStats = { keys: {}, candidatePairs: 0, allPairs: 0, reductionRatio: 0 };
  const gid = new Int32Array(n);
  for (const [name, keyOf, ruleMax] of rules) {
    const maxBlock = Math.min(options.maxBlock, ruleMax ?? Infinity);
    if (options.skip?.includes(name)) continue;
    onProgress?.(name);
    const before = out.n;
    const groups = new NumberIds(n);
    const sizes: number[] = [];
    for (let i = 0; i < n; i++) {
      const key = keyOf(i);
      if (key < 0) {
        gid[i] = -1;
        continue;
      }
      const g = groups.idOf(key);
      if (g === sizes.length) sizes.push(0);
      gid[i] = g;
      sizes[g]!++;
    }
    // CSR layout of the groups
    const start = new Int32Array(sizes.length + 1);
    for (let g = 0; g < sizes.length; g++) start[g + 1] = start[g]! + sizes[g]!;
    const fill = start.slice(0, sizes.length);
    const members = new Int32Array(start[sizes.length]!);
    for (let i = 0; i < n; i++) if (gid[i]! >= 0) members[fill[gid[i]!]!++] = i;
    let blocks = 0;
    let capped = 0;
    for (let g = 0; g < sizes.length; g++) {
      const s = sizes[g]!;
      if (s < 2) continue;
      blocks++;
      const from = start[g]!;
      if (s <= maxBlock) {
        for (let x = from; x < from + s; x++)
          for (let y = x + 1; y < from + s; y++) out.push(members[x]!, members[y]!);
      } else {
        capped++;
        const sub = Array.from(members.subarray(from, from + s)).sort((x, y) => sortKey[x]! - sortKey[y]!);
        for (let x = 0; x < s; x++)
          for (let d = 1; d < options.window && x + d < s; d++) out.push(sub[x]!, sub[x + d]!);
      }
    }
    stats.keys[name] = { blocks, pairs: out.n - before, capped };
  }

  onProgress?.('sorted neighbourhood');
  const before = out.n;
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  order.sort((x, y) => sortKey[x]! - sortKey[y]!);
  for (let p = 0; p < n; p++) {
    const i = order[p]!;
    if (kind[i] === KIND_NONE) break; // KIND_NONE sorts last
    for (let d = 1; d < options.window && p + d < n; d++) {
      const j = order[p + d]!;
      if (kind[j] !== kind[i]) break;
      out.push(i, j);
    }
  }
  stats.keys['sorted neighbourhood(last, first)'] = { blocks: 1, pairs: out.n - before, capped: 0 };

  onProgress?.('deduplicating pairs');
  const codes = out.buf.subarray(0, out.n).sort();
  let m = 0;
  for (let k = 0; k < codes.length; k++) if (k === 0 || codes[k] !== codes[k - 1]) codes[m++] = codes[k]!;
  const a = new Int32Array(m);
  const b = new Int32Array(m);
  for (let k = 0; k < m; k++) {
    const c = codes[k]!;
    const lo = Math.floor(c / SHIFT);
    a[k] = lo;
    b[k] = c - lo * SHIFT;
  }
  stats.candidatePairs = m;
  stats.allPairs = (n * (n - 1)) / 2;
  stats.reductionRatio = stats.allPairs > 0 ? 1 - m / stats.allPairs : 0;
  return { a, b, stats };
}
