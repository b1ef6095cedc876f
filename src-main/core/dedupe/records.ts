import type { ContactData, ContactKind } from '../../../shared/domain';
import { deriveKind } from '../../../shared/secutix/contact-kind';
import {
  basicText,
  normCompany,
  normCountry,
  normDate,
  normEmail,
  normName,
  normPhone,
  normStreet,
  normTown,
  normZip,
} from './normalize-fields';

/**
 * Normalised fields compared by detection. Records are stored column-wise and interned: per
 * field a dictionary of distinct normalised values (index 0 = missing) and an Int32Array of
 * indexes per record. 1M contacts × 14 fields = 14 typed arrays, not 1M objects; equal values
 * compare as equal integers, and per-value work (phonetics) runs once per distinct value.
 */
export const FIELDS = [
  'first',
  'last',
  'dob',
  'email',
  'mobile',
  'phone',
  'street',
  'line2',
  'zip',
  'town',
  'country',
  'org',
  'addrName',
  'townComp',
] as const;
export type FieldName = (typeof FIELDS)[number];
export const F = Object.fromEntries(FIELDS.map((f, i) => [f, i])) as Record<FieldName, number>;

/** Kind codes in RecordTable.kind. 255 = no name at all (never compared). */
export const KIND_CODE: Record<ContactKind, number> = { individual: 0, structure: 1, structure_relay: 2 };
export const KIND_NONE = 255;

export interface FieldColumn {
  dict: string[];
  codes: Int32Array;
}

/** Records built by one RecordBuilder, in transferable form (per field its dictionary and codes). */
export interface RecordPart {
  n: number;
  ids: Int32Array;
  kinds: Uint8Array;
  dicts: string[][];
  codes: Int32Array[];
}

/** What workers receive: plain arrays/typed arrays (structured-clone friendly). */
export interface RecordTable {
  n: number;
  /** Contact id per record index. */
  ids: Int32Array;
  kind: Uint8Array;
  columns: FieldColumn[];
  /** The same codes record by record (see rowMajorCodes); built by RecordBuilder.finish(). */
  rows?: Int32Array;
}

/** Codes per record in `RecordTable.rows`: the 14 fields padded to 16, one 64-byte cache line. */
export const ROW_STRIDE = 16;
if (FIELDS.length > ROW_STRIDE) throw new Error('dedupe records: more fields than ROW_STRIDE');

/**
 * The codes of every field record by record (record i at i·ROW_STRIDE). Comparing a pair reads
 * ~14 codes of each record; from the column arrays that is ~28 scattered cache misses, from
 * here two lines. Column arrays stay the layout of everything else (blocking reads one field
 * over all records).
 */
export function rowMajorCodes(t: Pick<RecordTable, 'n' | 'columns'>, shared = false): Int32Array {
  const size = Math.max(1, t.n * ROW_STRIDE);
  const rows = shared ? new Int32Array(new SharedArrayBuffer(size * 4)) : new Int32Array(size);
  for (let f = 0; f < t.columns.length; f++) {
    const codes = t.columns[f]!.codes;
    for (let i = 0, at = f; i < t.n; i++, at += ROW_STRIDE) rows[at] = codes[i]!;
  }
  return rows;
}

/**
 * Interns one field: raw value → code of its normalised form. One Map lookup per value in the
 * common case (the raw value was seen before); the normaliser runs once per distinct raw value.
 * High-cardinality fields skip the raw cache (it would hold every row) and intern the
 * normalised value directly.
 */
class FieldInterner {
  readonly dict: string[] = [''];
  private readonly norm = new Map<string, number>([['', 0]]);
  private readonly raw = new Map<string, number>();
  constructor(
    private readonly fn: (s: string) => string,
    private readonly cacheRaw: boolean,
  ) {}
  internNormalised(v: string): number {
    let i = this.norm.get(v);
    if (i === undefined) {
      i = this.dict.length;
      this.dict.push(v);
      this.norm.set(v, i);
    }
    return i;
  }
  code(raw: string | undefined): number {
    if (!raw) return 0;
    if (!this.cacheRaw) return this.internNormalised(this.fn(raw));
    let c = this.raw.get(raw);
    if (c === undefined) {
      c = this.internNormalised(this.fn(raw));
      this.raw.set(raw, c);
    }
    return c;
  }
}

const join = (a: string | undefined, b: string | undefined): string | undefined =>
  a && b ? `${a} ${b}` : a || b;

/** Builds a RecordTable incrementally (growing typed arrays; `finish()` trims them). */
export class RecordBuilder {
  private cap: number;
  private n = 0;
  private ids: Int32Array;
  private kinds: Uint8Array;
  private codes: Int32Array[];
  private readonly fields: FieldInterner[] = FIELDS.map((f) => {
    switch (f) {
      case 'first':
      case 'last':
        return new FieldInterner(normName, true);
      case 'dob':
        return new FieldInterner(normDate, true);
      case 'email':
        return new FieldInterner(normEmail, false);
      case 'mobile':
      case 'phone':
        return new FieldInterner((v) => v, false); // normalised by add(): needs the country
      case 'street':
        // street lines repeat (households, buildings: ~30 % distinct) and normStreet is the
        // costliest normaliser, so the raw cache pays even though the field has many values
        return new FieldInterner(normStreet, true);
      case 'line2':
        return new FieldInterner(normStreet, false);
      case 'zip':
        return new FieldInterner(normZip, true);
      case 'town':
        return new FieldInterner(normTown, true);
      case 'country':
        return new FieldInterner(normCountry, true);
      case 'org':
        return new FieldInterner(normCompany, true);
      default:
        return new FieldInterner(basicText, true);
    }
  });

  constructor(capacity = 1024) {
    this.cap = Math.max(16, capacity);
    this.ids = new Int32Array(this.cap);
    this.kinds = new Uint8Array(this.cap);
    this.codes = FIELDS.map(() => new Int32Array(this.cap));
  }

  add(id: number, data: ContactData, kindOverride: ContactKind | null = null): void {
    this.addMany([id], [data], [kindOverride]);
  }

  /**
   * Adds contacts field by field: one field's values of the whole batch, then the next field.
   * Row by row, the 14 interning maps take turns and evict each other from the CPU caches (a
   * lookup then costs ~0.5 µs, ~11 µs a contact in all); field by field, one map at a time stays
   * warm. Values are interned in row order within each field, so the codes are the same.
   */
  addMany(
    ids: readonly number[],
    data: readonly ContactData[],
    kindOverrides: readonly (ContactKind | null)[],
  ): void {
    const count = data.length;
    while (this.cap < this.n + count) this.grow();
    const at = this.n;
    const fl = this.fields;
    const cc = this.codes;
    const column = (f: number, value: (d: ContactData, r: number) => string | undefined) => {
      const interner = fl[f]!;
      const codes = cc[f]!;
      for (let r = 0; r < count; r++) codes[at + r] = interner.code(value(data[r]!, r));
    };
    for (let r = 0; r < count; r++) {
      this.ids[at + r] = ids[r]!;
      const kind = kindOverrides[r] ?? deriveKind(data[r]!);
      this.kinds[at + r] = kind ? KIND_CODE[kind] : KIND_NONE;
    }
    column(F.country, (d) => d.COUNTRY);
    column(F.first, (d) => d.FIRSTNAME);
    column(F.last, (d) => d.LASTNAME);
    column(F.dob, (d) => d.BIRTHDATE);
    column(F.email, (d) => d.EMAIL1);
    // phones are normalised with the row's country (default CH)
    const countries = cc[F.country]!;
    const countryDict = fl[F.country]!.dict;
    const phoneOf = (raw: string | undefined, r: number) =>
      raw ? normPhone(raw, countryDict[countries[at + r]!] || 'CH') : undefined;
    column(F.mobile, (d, r) => phoneOf(d.CELLPHONE, r));
    column(F.phone, (d, r) => phoneOf(d.TELEPHONE, r));
    column(F.street, (d) => d.LINE1);
    column(F.line2, (d) => join(d.LINE2, d.LINE3));
    // "1003 Lausanne" typed into the town cell: the postcode moves to its own field.
    const towns: Array<string | undefined> = new Array(count);
    column(F.zip, (d, r) => {
      let zipRaw = d.ZIPCODE;
      let townRaw = d.TOWN;
      const glued =
        townRaw && townRaw.trimStart().charCodeAt(0) <= 90
          ? /^\s*(?:[A-Z]{1,2}-)?(\d{4,5})\s+(\S.*)$/.exec(townRaw)
          : null;
      if (glued) {
        zipRaw ||= glued[1];
        townRaw = glued[2];
      }
      towns[r] = townRaw;
      return zipRaw;
    });
    column(F.town, (_, r) => towns[r]);
    column(F.org, (d) => d.OFFICIAL_NAME);
    column(F.addrName, (d) => join(d.ADDRESS_NAME1, d.ADDRESS_NAME2));
    column(F.townComp, (d) => d.TOWN_COMPLEMENT);
    this.n += count;
  }

  private grow(): void {
    this.cap *= 2;
    const ids = new Int32Array(this.cap);
    ids.set(this.ids);
    this.ids = ids;
    const kinds = new Uint8Array(this.cap);
    kinds.set(this.kinds);
    this.kinds = kinds;
    this.codes = this.codes.map((c) => {
      const x = new Int32Array(this.cap);
      x.set(c);
      return x;
    });
  }

  get size(): number {
    return this.n;
  }

  /** What was built so far, for another builder to append (see `appendPart`). */
  part(): RecordPart {
    const n = this.n;
    return {
      n,
      ids: this.ids.slice(0, n),
      kinds: this.kinds.slice(0, n),
      dicts: this.fields.map((f) => f.dict),
      codes: this.codes.map((c) => c.slice(0, n)),
    };
  }

  /**
   * Appends records `from` ≤ r < `to` of a part built elsewhere (a worker loading some of the
   * contacts). Their values are interned here when first met, row by row, so the table is the
   * one `add()` on every row in the same order would have built, codes included. `remap`
   * (from `partRemap`) carries the part's code → this builder's code across calls, for parts
   * appended in several pieces.
   */
  appendPart(part: RecordPart, from = 0, to = part.n, remap = partRemap(part)): void {
    const count = to - from;
    while (this.cap < this.n + count) this.grow();
    const at = this.n;
    this.ids.set(part.ids.subarray(from, to), at);
    this.kinds.set(part.kinds.subarray(from, to), at);
    for (let f = 0; f < FIELDS.length; f++) {
      const interner = this.fields[f]!;
      const dict = part.dicts[f]!;
      const map = remap[f]!;
      const src = part.codes[f]!;
      const dst = this.codes[f]!;
      for (let i = 0; i < count; i++) {
        const c = src[from + i]!;
        let m = map[c]!;
        if (m < 0) m = map[c] = interner.internNormalised(dict[c]!);
        dst[at + i] = m;
      }
    }
    this.n += count;
  }

  /** The finished table; code arrays live in SharedArrayBuffers so workers read them without copies. */
  finish(): RecordTable {
    const n = this.n;
    const shared = (src: Int32Array): Int32Array => {
      const out = new Int32Array(new SharedArrayBuffer(Math.max(4, n * 4)), 0, n);
      out.set(src.subarray(0, n));
      return out;
    };
    const columns = FIELDS.map((_, f) => ({ dict: this.fields[f]!.dict, codes: shared(this.codes[f]!) }));
    return {
      n,
      ids: shared(this.ids),
      kind: this.kinds.slice(0, n),
      columns,
      rows: rowMajorCodes({ n, columns }, true),
    };
  }
}

/** A part's code → builder code maps, per field, all unknown (-1) but code 0 (missing stays missing). */
export function partRemap(part: RecordPart): Int32Array[] {
  return part.dicts.map((d) => {
    const m = new Int32Array(d.length).fill(-1);
    m[0] = 0;
    return m;
  });
}
