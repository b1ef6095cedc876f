import { PairMemo } from './pair-memo';
import { cologne } from './phonetics';
import { bundledNicknames, type Nicknames } from './nicknames';
import { F, KIND_CODE, ROW_STRIDE, rowMajorCodes, type RecordTable } from './records';
import { TokenVocabulary } from './token-vocabulary';
import { jaroWinkler, tokenArraySimilarity, tokenSetSimilarity, withinOneEdit } from './similarity';

/**
 * Field comparisons with discrete levels (Fellegi–Sunter / Splink style). Level 0 is always
 * 'missing' (one side empty: weight 0); the last level is the disagreement level.
 */
export interface ComparisonDef {
  /** Comparison id (also the explanation's `field` label, a SecuTix code or a group). */
  field: string;
  /** How values are compared, for the explanation. */
  method: string;
  levels: readonly string[];
  /** Level that vetoes 'sure' (clear disagreement of an identifying field), if any. */
  veto?: number;
  /** The veto makes the pair distinct (not just 'review') unless email/phone agree. */
  hardVeto?: boolean;
  /** Agreement on this field can lift a vetoed pair back to 'review' (shared email/phone). */
  contact?: boolean;
}

/** yyyymmdd strings whose month and day are swapped (same year checked by the caller). */
function isDayMonthSwap(a: string, b: string): boolean {
  return (
    a.charCodeAt(4) === b.charCodeAt(6) &&
    a.charCodeAt(5) === b.charCodeAt(7) &&
    a.charCodeAt(6) === b.charCodeAt(4) &&
    a.charCodeAt(7) === b.charCodeAt(5)
  );
}

const isNumber = (t: string): boolean => t.charCodeAt(0) >= 48 && t.charCodeAt(0) <= 57;

/** Whether two small id lists have an id in common. */
function shareAny(a: Int32Array, b: Int32Array): boolean {
  for (let i = 0; i < a.length; i++) for (let j = 0; j < b.length; j++) if (a[i] === b[j]) return true;
  return false;
}

/** A street line's tokens as vocabulary ids: all, words, numbers (starting with a digit). */
interface StreetParts {
  all: Int32Array;
  words: Int32Array;
  numbers: Int32Array;
}

export type ModelKind = 'individual' | 'structure' | 'relay';
export const MODEL_KINDS: readonly ModelKind[] = ['individual', 'structure', 'relay'];

export function modelKindOf(kindCode: number): ModelKind | null {
  if (kindCode === KIND_CODE.individual) return 'individual';
  if (kindCode === KIND_CODE.structure) return 'structure';
  if (kindCode === KIND_CODE.structure_relay) return 'relay';
  return null;
}

const FIRST: ComparisonDef = {
  field: 'FIRSTNAME',
  method: 'jaro-winkler + nicknames',
  levels: ['missing', 'exact', 'nickname/initial', 'jw≥0.92', 'jw≥0.80', 'different'],
  veto: 5,
};
const LAST: ComparisonDef = {
  field: 'LASTNAME',
  method: 'jaro-winkler + cologne phonetics',
  levels: ['missing', 'exact', 'jw≥0.92/phonetic', 'jw≥0.80', 'different'],
};
const DOB: ComparisonDef = {
  field: 'BIRTHDATE',
  method: 'date, day/month swap, one-digit typo',
  levels: ['missing', 'exact', 'swap/typo', 'different'],
  veto: 3,
};
const EMAIL: ComparisonDef = {
  field: 'EMAIL1',
  method: 'exact normalised, one edit, same local part',
  levels: ['missing', 'exact', 'one edit', 'same local part', 'different'],
  contact: true,
};
const PHONE: ComparisonDef = {
  field: 'PHONE',
  method: 'exact E.164 (any of CELLPHONE/TELEPHONE)',
  levels: ['missing', 'exact', 'different'],
  contact: true,
};
const STREET: ComparisonDef = {
  field: 'LINE1',
  method: 'token-set, house number',
  levels: ['missing', 'exact', 'ts≥0.9', 'ts≥0.6', 'other house number', 'different'],
};
const LINE2: ComparisonDef = {
  field: 'LINE2',
  method: 'jaro-winkler/token-set',
  levels: ['missing', 'exact', 'close', 'different'],
};
/**
 * Postcode and town as ONE comparison: the postcode nearly fixes the town, so scoring them
 * separately would count the same evidence twice (Fellegi–Sunter assumes independence).
 */
const LOCALITY: ComparisonDef = {
  field: 'ZIPCODE+TOWN',
  method: 'postcode exact/one edit, town jaro-winkler',
  levels: ['missing', 'postcode+town', 'postcode', 'close', 'different'],
};
const ORG: ComparisonDef = {
  field: 'OFFICIAL_NAME',
  method: 'token-set without legal form',
  levels: ['missing', 'exact', 'ts≥0.9', 'ts≥0.6', 'different'],
  veto: 4,
  hardVeto: true, // two structure names that differ are two structures, whatever the address
};
const ADDR_NAME: ComparisonDef = {
  field: 'ADDRESS_NAME',
  method: 'token-set',
  levels: ['missing', 'exact', 'close', 'different'],
};
const TOWN_COMP: ComparisonDef = {
  field: 'TOWN_COMPLEMENT',
  method: 'exact',
  levels: ['missing', 'exact', 'different'],
};
const COUNTRY: ComparisonDef = {
  field: 'COUNTRY',
  method: 'exact ISO code',
  levels: ['missing', 'exact', 'different'],
};

/** Comparison sets: individuals on person fields; structures on the ten SecuTix structure fields. */
export const COMPARISONS: Record<ModelKind, readonly ComparisonDef[]> = {
  individual: [FIRST, LAST, DOB, EMAIL, PHONE, STREET, LINE2, LOCALITY],
  structure: [ORG, ADDR_NAME, STREET, LINE2, LOCALITY, TOWN_COMP, COUNTRY, EMAIL, PHONE],
  relay: [ORG, FIRST, LAST, DOB, EMAIL, PHONE, STREET, LOCALITY],
};

/** Compares records; one instance per thread (holds per-value caches). */
export class Comparer {
  private readonly colognes: Array<string | undefined> = [];
  readonly nick: Nicknames;
  /** Set by the last compare(): first/last names matched crosswise. */
  swapped = false;

  /** The table's codes record by record (tables built without RecordBuilder.finish get them here). */
  private readonly rows: Int32Array;

  constructor(
    private readonly t: RecordTable,
    nick?: Nicknames,
  ) {
    this.nick = nick ?? bundledNicknames();
    this.rows = t.rows ?? rowMajorCodes(t);
  }

  private code(f: number, i: number): number {
    return this.rows[i * ROW_STRIDE + f]!;
  }
  private str(f: number, code: number): string {
    return this.t.columns[f]!.dict[code]!;
  }
  private lastCologne(code: number): string {
    let c = this.colognes[code];
    if (c === undefined) c = this.colognes[code] = cologne(this.str(F.last, code));
    return c;
  }

  firstLevel(a: string, b: string): number {
    if (!a || !b) return 0;
    if (a === b) return 1;
    if (this.nick.match(a, b)) return 2;
    if ((a.length === 1 && b[0] === a) || (b.length === 1 && a[0] === b)) return 2;
    const s = jaroWinkler(a, b);
    return s >= 0.92 ? 3 : s >= 0.8 ? 4 : 5;
  }

  lastLevel(a: string, b: string, ca?: number, cb?: number): number {
    if (!a || !b) return 0;
    if (a === b) return 1;
    const s = jaroWinkler(a, b);
    if (s >= 0.92) return 2;
    if (
      ca !== undefined &&
      cb !== undefined &&
      this.lastCologne(ca) === this.lastCologne(cb) &&
      this.lastCologne(ca) !== ''
    )
      return 2;
    // double names: "muller meier" vs "muller"
    if (
      (a.includes(' ') || b.includes(' ')) &&
      tokenSetSimilarity(a, b) >= 0.5 &&
      (a.startsWith(b) || b.startsWith(a) || a.endsWith(b) || b.endsWith(a))
    )
      return 2;
    return s >= 0.8 ? 3 : 4;
  }

  // Name pairs repeat a lot (Hans/Peter in every block): levels cached per code pair.
  private readonly firstCache = new PairMemo();
  private readonly lastCache = new PairMemo();
  private cachedFirst(x: number, y: number): number {
    if (!x || !y) return 0;
    let l = this.firstCache.get(x, y);
    if (l < 0) {
      l = this.firstLevel(this.str(F.first, x), this.str(F.first, y));
      this.firstCache.set(x, y, l);
    }
    return l;
  }
  private cachedLast(x: number, y: number): number {
    if (!x || !y) return 0;
    let l = this.lastCache.get(x, y);
    if (l < 0) {
      l = this.lastLevel(this.str(F.last, x), this.str(F.last, y), x, y);
      this.lastCache.set(x, y, l);
    }
    return l;
  }

  /** Writes the levels of pair (i, j) for `kind` into out[off…]. */
  compare(kind: ModelKind, i: number, j: number, out: Uint8Array, off: number): void {
    if (kind === 'individual') {
      this.names(i, j, out, off);
      out[off + 2] = this.dob(i, j);
      out[off + 3] = this.email(i, j);
      out[off + 4] = this.phone(i, j);
      out[off + 5] = this.street(i, j);
      out[off + 6] = this.close3(F.line2, i, j);
      out[off + 7] = this.locality(i, j);
    } else if (kind === 'structure') {
      this.swapped = false;
      out[off] = this.tokens(F.org, i, j, 0.9, 0.6);
      out[off + 1] = this.close3(F.addrName, i, j);
      out[off + 2] = this.street(i, j);
      out[off + 3] = this.close3(F.line2, i, j);
      out[off + 4] = this.locality(i, j);
      out[off + 5] = this.exact(F.townComp, i, j);
      out[off + 6] = this.exact(F.country, i, j);
      out[off + 7] = this.email(i, j);
      out[off + 8] = this.phone(i, j);
    } else {
      out[off] = this.tokens(F.org, i, j, 0.9, 0.6);
      this.names(i, j, out, off + 1);
      out[off + 3] = this.dob(i, j);
      out[off + 4] = this.email(i, j);
      out[off + 5] = this.phone(i, j);
      out[off + 6] = this.street(i, j);
      out[off + 7] = this.locality(i, j);
    }
  }

  /** First and last name levels, trying the swapped reading (first ↔ last) when it fits better. */
  private names(i: number, j: number, out: Uint8Array, off: number): void {
    this.swapped = false;
    const fi = this.code(F.first, i);
    const fj = this.code(F.first, j);
    const li = this.code(F.last, i);
    const lj = this.code(F.last, j);
    const first = fi === fj && fi !== 0 ? 1 : this.cachedFirst(fi, fj);
    const last = li === lj && li !== 0 ? 1 : this.cachedLast(li, lj);
    if ((first >= 3 || last >= 3) && fi && fj && li && lj) {
      const f1 = this.str(F.first, fi);
      const l2 = this.str(F.last, lj);
      const l1 = this.str(F.last, li);
      const f2 = this.str(F.first, fj);
      // cheap gate: a swap that matches starts with the same letters crosswise
      if (f1.charCodeAt(0) !== l2.charCodeAt(0) || l1.charCodeAt(0) !== f2.charCodeAt(0)) {
        out[off] = first;
        out[off + 1] = last;
        return;
      }
      const a = this.lastLevel(f1, l2);
      const b = this.lastLevel(l1, f2);
      if (a >= 1 && a <= 2 && b >= 1 && b <= 2) {
        this.swapped = true;
        out[off] = 3; // swapped names agree, but not as strongly as in place
        out[off + 1] = 2;
        return;
      }
    }
    out[off] = first;
    out[off + 1] = last;
  }

  private dob(i: number, j: number): number {
    const ci = this.code(F.dob, i);
    const cj = this.code(F.dob, j);
    if (!ci || !cj) return 0;
    if (ci === cj) return 1;
    const a = this.str(F.dob, ci);
    const b = this.str(F.dob, cj);
    if (
      a.length === 8 &&
      b.length === 8 &&
      a.charCodeAt(2) === b.charCodeAt(2) &&
      a.charCodeAt(3) === b.charCodeAt(3) &&
      isDayMonthSwap(a, b)
    )
      return 2;
    return withinOneEdit(a, b) ? 2 : 3;
  }

  private email(i: number, j: number): number {
    const ci = this.code(F.email, i);
    const cj = this.code(F.email, j);
    if (!ci || !cj) return 0;
    if (ci === cj) return 1;
    const a = this.str(F.email, ci);
    const b = this.str(F.email, cj);
    if (withinOneEdit(a, b)) return 2;
    const la = a.slice(0, a.indexOf('@'));
    return la.length > 3 && la === b.slice(0, b.indexOf('@')) ? 3 : 4;
  }

  private phone(i: number, j: number): number {
    const mi = this.code(F.mobile, i);
    const pi = this.code(F.phone, i);
    const mj = this.code(F.mobile, j);
    const pj = this.code(F.phone, j);
    if ((!mi && !pi) || (!mj && !pj)) return 0;
    if ((mi && (mi === mj || mi === pj)) || (pi && (pi === mj || pi === pj))) return 1;
    return 2;
  }

  private locality(i: number, j: number): number {
    // Not cached per code pair: most candidate pairs hold a pair of postcodes (and towns) seen
    // nowhere else, so a cache costs more than these short comparisons.
    const zi = this.code(F.zip, i);
    const zj = this.code(F.zip, j);
    const zip =
      !zi || !zj ? 0 : zi === zj ? 1 : withinOneEdit(this.str(F.zip, zi), this.str(F.zip, zj)) ? 2 : 3;
    const ti = this.code(F.town, i);
    const tj = this.code(F.town, j);
    const town =
      !ti || !tj ? 0 : ti === tj ? 1 : jaroWinkler(this.str(F.town, ti), this.str(F.town, tj)) >= 0.9 ? 2 : 3;
    if (zip === 0 && town === 0) return 0;
    if (zip === 1) return town === 3 ? 2 : 1;
    if ((zip === 2 && town !== 3) || town === 1) return 3;
    return 4;
  }

  private exact(f: number, i: number, j: number): number {
    const ci = this.code(f, i);
    const cj = this.code(f, j);
    if (!ci || !cj) return 0;
    return ci === cj ? 1 : 2;
  }

  private zip(i: number, j: number): number {
    const ci = this.code(F.zip, i);
    const cj = this.code(F.zip, j);
    if (!ci || !cj) return 0;
    if (ci === cj) return 1;
    return withinOneEdit(this.str(F.zip, ci), this.str(F.zip, cj)) ? 2 : 3;
  }

  private jw3(f: number, i: number, j: number, close: number): number {
    const ci = this.code(f, i);
    const cj = this.code(f, j);
    if (!ci || !cj) return 0;
    if (ci === cj) return 1;
    return jaroWinkler(this.str(f, ci), this.str(f, cj)) >= close ? 2 : 3;
  }

  private close3(f: number, i: number, j: number): number {
    const ci = this.code(f, i);
    const cj = this.code(f, j);
    if (!ci || !cj) return 0;
    if (ci === cj) return 1;
    const a = this.str(f, ci);
    const b = this.str(f, cj);
    return jaroWinkler(a, b) >= 0.9 || tokenSetSimilarity(a, b) >= 0.8 ? 2 : 3;
  }

  private readonly tokenCache: Array<Array<string[] | undefined>> = [];
  private tokensOf(f: number, code: number): string[] {
    const cache = (this.tokenCache[f] ??= new Array<string[] | undefined>(this.t.columns[f]!.dict.length));
    let t = cache[code];
    if (t === undefined) t = cache[code] = this.str(f, code).split(' ').filter(Boolean);
    return t;
  }

  /** Street words interned once per thread: their pairwise similarities repeat across pairs. */
  private readonly streetWords = new TokenVocabulary();
  private streetCache: Array<StreetParts | undefined> | undefined;
  private streetParts(code: number): StreetParts {
    const cache = (this.streetCache ??= new Array(this.t.columns[F.street]!.dict.length));
    let p = cache[code];
    if (p === undefined) {
      const all = this.tokensOf(F.street, code);
      p = cache[code] = {
        all: this.streetWords.intern(all),
        words: this.streetWords.intern(all.filter((x) => !isNumber(x))),
        numbers: this.streetWords.intern(all.filter(isNumber)),
      };
    }
    return p;
  }

  /** Street line: like tokens(), plus 'same street, other house number' (a neighbour). */
  private street(i: number, j: number): number {
    const ci = this.code(F.street, i);
    const cj = this.code(F.street, j);
    if (!ci || !cj) return 0;
    if (ci === cj) return 1;
    const a = this.streetParts(ci);
    const b = this.streetParts(cj);
    const s = this.streetWords.setSimilarity(a.all, b.all);
    if (s >= 0.9) return 2;
    if (a.numbers.length && b.numbers.length && !shareAny(a.numbers, b.numbers)) {
      if (a.words.length && b.words.length && this.streetWords.setSimilarity(a.words, b.words) >= 0.9)
        return 4;
    }
    return s >= 0.6 ? 3 : 5;
  }

  private tokens(f: number, i: number, j: number, close: number, fuzzy: number): number {
    const ci = this.code(f, i);
    const cj = this.code(f, j);
    if (!ci || !cj) return 0;
    if (ci === cj) return 1;
    const s = tokenArraySimilarity(this.tokensOf(f, ci), this.tokensOf(f, cj));
    return s >= close ? 2 : s >= fuzzy ? 3 : 4;
  }
}
