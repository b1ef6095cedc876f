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

/** What workers receive: plain arrays/typed arrays (structured-clone friendly). */
export interface RecordTable {
  n: number;
  /** Contact id per record index. */
  ids: Int32Array;
  kind: Uint8Array;
  columns: FieldColumn[];
}

class Interner {
  readonly dict: string[] = [''];
  private readonly map = new Map<string, number>([['', 0]]);
  intern(v: string): number {
    let i = this.map.get(v);
    if (i === undefined) {
      i = this.dict.length;
      this.dict.push(v);
      this.map.set(v, i);
    }
    return i;
  }
}

/** Raw-value caches: many rows share towns, zips, first names; normalise each once. */
class CachedNormaliser {
  private readonly cache = new Map<string, string>();
  constructor(private readonly fn: (s: string) => string) {}
  get(raw: string | undefined): string {
    if (!raw) return '';
    let v = this.cache.get(raw);
    if (v === undefined) {
      v = this.fn(raw);
      if (this.cache.size < 200_000) this.cache.set(raw, v);
    }
    return v;
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
  private readonly interners = FIELDS.map(() => new Interner());
  private readonly name = new CachedNormaliser(normName);
  private readonly company = new CachedNormaliser(normCompany);
  private readonly street = new CachedNormaliser(normStreet);
  private readonly town = new CachedNormaliser(normTown);
  private readonly zip = new CachedNormaliser(normZip);
  private readonly date = new CachedNormaliser(normDate);
  private readonly text = new CachedNormaliser(basicText);
  private readonly country = new CachedNormaliser(normCountry);

  constructor(capacity = 1024) {
    this.cap = Math.max(16, capacity);
    this.ids = new Int32Array(this.cap);
    this.kinds = new Uint8Array(this.cap);
    this.codes = FIELDS.map(() => new Int32Array(this.cap));
  }

  add(id: number, data: ContactData, kindOverride: ContactKind | null = null): void {
    if (this.n === this.cap) this.grow();
    const i = this.n++;
    this.ids[i] = id;
    const kind = kindOverride ?? deriveKind(data);
    this.kinds[i] = kind ? KIND_CODE[kind] : KIND_NONE;
    const country = this.country.get(data.COUNTRY);
    const set = (f: number, v: string) => {
      this.codes[f]![i] = v ? this.interners[f]!.intern(v) : 0;
    };
    set(F.first, this.name.get(data.FIRSTNAME));
    set(F.last, this.name.get(data.LASTNAME));
    set(F.dob, this.date.get(data.BIRTHDATE));
    set(F.email, data.EMAIL1 ? normEmail(data.EMAIL1) : '');
    set(F.mobile, data.CELLPHONE ? normPhone(data.CELLPHONE, country || 'CH') : '');
    set(F.phone, data.TELEPHONE ? normPhone(data.TELEPHONE, country || 'CH') : '');
    set(F.street, this.street.get(data.LINE1));
    set(F.line2, this.street.get(join(data.LINE2, data.LINE3)));
    // "1003 Lausanne" typed into the town cell: the postcode moves to its own field.
    let zipRaw = data.ZIPCODE;
    let townRaw = data.TOWN;
    const glued = townRaw ? /^\s*(?:[A-Z]{1,2}-)?(\d{4,5})\s+(\S.*)$/.exec(townRaw) : null;
    if (glued) {
      zipRaw ||= glued[1];
      townRaw = glued[2];
    }
    set(F.zip, this.zip.get(zipRaw));
    set(F.town, this.town.get(townRaw));
    set(F.country, country);
    set(F.org, this.company.get(data.OFFICIAL_NAME));
    set(F.addrName, this.text.get(join(data.ADDRESS_NAME1, data.ADDRESS_NAME2)));
    set(F.townComp, this.text.get(data.TOWN_COMPLEMENT));
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

  /** The finished table; code arrays live in SharedArrayBuffers so workers read them without copies. */
  finish(): RecordTable {
    const n = this.n;
    const shared = (src: Int32Array): Int32Array => {
      const out = new Int32Array(new SharedArrayBuffer(Math.max(4, n * 4)), 0, n);
      out.set(src.subarray(0, n));
      return out;
    };
    return {
      n,
      ids: shared(this.ids),
      kind: this.kinds.slice(0, n),
      columns: FIELDS.map((_, f) => ({ dict: this.interners[f]!.dict, codes: shared(this.codes[f]!) })),
    };
  }
}

/** Normalised value of a field for record i ('' when missing). */
export function valueOf(t: RecordTable, f: number, i: number): string {
  const c = t.columns[f]!;
  return c.dict[c.codes[i]!]!;
}
