import type { Database } from 'better-sqlite3';
import { NEW_RANGE_KEY, RESERVED_RANGE_KEY } from '../numbers/number-settings';
import type { Check, CheckSettings, Finding, PrepareScope } from './check';
import { finding } from './finding';
const NR = "json_extract(data, '$.CONTACT_NR')";

/** Duplicated contact numbers → how many active contacts carry each. */
type DuplicateIndex = Record<string, number>;

/** A range setting of the numbers module (src-main/core/numbers/number-settings.ts), as BigInts. */
function readRange(settings: CheckSettings, key: string): { start: bigint; end: bigint } | undefined {
  const r = settings[key] as { start?: unknown; end?: unknown } | undefined;
  const toBig = (v: unknown) =>
    typeof v === 'number' || (typeof v === 'string' && /^\d+$/.test(v)) ? BigInt(v) : undefined;
  const start = toBig(r?.start);
  const end = toBig(r?.end);
  return start !== undefined && end !== undefined ? { start, end } : undefined;
}

interface Ranges {
  range: { start: bigint; end: bigint } | undefined;
  /** Numbers ContactPrep assigned itself. */
  fresh: { start: bigint; end: bigint } | undefined;
}
const rangesCache = new WeakMap<CheckSettings, Ranges>();

/** The reserved and new-number ranges, read once per settings object (settings are not mutated during a run). */
function rangesOf(settings: CheckSettings): Ranges {
  let r = rangesCache.get(settings);
  if (!r) {
    r = { range: readRange(settings, RESERVED_RANGE_KEY), fresh: readRange(settings, NEW_RANGE_KEY) };
    rangesCache.set(settings, r);
  }
  return r;
}

function countHolders(db: Database, numbers: Iterable<string>): DuplicateIndex {
  const stmt = db.prepare(`SELECT count(*) AS n FROM contacts WHERE ${NR} = ? AND status = 'active'`);
  const out: DuplicateIndex = {};
  for (const nr of numbers) {
    const n = (stmt.get(nr) as { n: number }).n;
    if (n > 1) out[nr] = n;
  }
  return out;
}

/**
 * CONTACT_NR (spec §5): digits only, at most 20 characters, unique in the workspace (as text:
 * `000123` ≠ `123`), inside the reserved range for existing contacts when one is configured
 * (numbers from the new-number range, assigned by src-main/core/numbers, are exempt). Numbers are never reformatted, only flagged; the only
 * suggestions undo what Excel did (`123.0`) or drop separators (`123 456`).
 */
export const contactNumbersCheck: Check = {
  name: 'contact-numbers',
  codes: [
    'contact-nr.not-digits',
    'contact-nr.scientific',
    'contact-nr.too-long',
    'contact-nr.duplicate',
    'contact-nr.outside-range',
  ],
  prepare(db, _settings, scope: PrepareScope): DuplicateIndex {
    if (scope.all) {
      // Numbers held more than once by any contact come straight from the covering expression
      // index (no temp B-tree over every row); only those are then counted among active contacts.
      // A number with two active holders is always such a candidate, so the result is unchanged.
      const candidates = db
        .prepare(`SELECT ${NR} FROM contacts WHERE ${NR} IS NOT NULL GROUP BY ${NR} HAVING count(*) > 1`)
        .pluck()
        .all() as string[];
      return countHolders(db, candidates);
    }
    const get = db.prepare(`SELECT ${NR} AS nr FROM contacts WHERE id = ?`);
    const numbers = new Set<string>();
    for (const id of scope.contactIds) {
      const nr = (get.get(id) as { nr: string | null } | undefined)?.nr;
      if (nr != null) numbers.add(String(nr));
    }
    return countHolders(db, numbers);
  },
  related(db, contactIds, previous) {
    const numbers = new Set<string>();
    for (const f of previous) if (f.code === 'contact-nr.duplicate') numbers.add(String(f.params.number));
    const get = db.prepare(`SELECT ${NR} AS nr FROM contacts WHERE id = ?`);
    for (const id of contactIds) {
      const nr = (get.get(id) as { nr: string | null } | undefined)?.nr;
      if (nr != null) numbers.add(String(nr));
    }
    const holders = db.prepare(`SELECT id FROM contacts WHERE ${NR} = ? AND status = 'active' LIMIT 1000`);
    return [...numbers].flatMap((nr) => (holders.all(nr) as Array<{ id: number }>).map((r) => r.id));
  },
  run(contact, ctx) {
    const value = contact.data.CONTACT_NR;
    if (value === undefined) return [];
    const field = 'CONTACT_NR';
    const out: Finding[] = [];
    if (!/^\d+$/.test(value)) out.push(notDigits(contact, value));
    if (value.length > 20)
      out.push(
        finding(
          contact,
          field,
          'contact-nr.too-long',
          'error',
          'Contact number {value} is longer than 20 characters.',
          { value },
        ),
      );
    const count = (ctx.indexes?.['contact-numbers'] as DuplicateIndex | undefined)?.[value];
    if (count)
      out.push(
        finding(
          contact,
          field,
          'contact-nr.duplicate',
          'error',
          'Contact number {number} is used by {count} contacts; it must be unique.',
          {
            number: value,
            count,
          },
        ),
      );
    const { range, fresh } = rangesOf(ctx.settings);
    if (range && /^\d{1,20}$/.test(value)) {
      const n = BigInt(value);
      const inside = (r: { start: bigint; end: bigint }) => n >= r.start && n <= r.end;
      if (!inside(range) && !(fresh && inside(fresh)))
        out.push(
          finding(
            contact,
            field,
            'contact-nr.outside-range',
            'warning',
            'Contact number {value} is outside the reserved range {start}–{end}.',
            {
              value,
              start: range.start.toString(),
              end: range.end.toString(),
            },
          ),
        );
    }
    return out;
  },
};

function notDigits(contact: { id: number }, value: string): Finding {
  const field = 'CONTACT_NR';
  if (/^\d(?:[.,]\d+)?e\+?\d+$/i.test(value.trim()))
    return finding(
      contact,
      field,
      'contact-nr.scientific',
      'error',
      'Contact number {value} was turned into scientific notation by Excel: its digits are lost; take it from the original system.',
      { value },
    );
  const excelFloat = /^\s*(\d+)[.,]0+\s*$/.exec(value);
  const separated = /^\s*\d+(?:[ '’.\-/]\d+)*\s*$/.test(value) ? value.replace(/\D/g, '') : undefined;
  const fixed = excelFloat?.[1] ?? separated;
  return finding(
    contact,
    field,
    'contact-nr.not-digits',
    'error',
    'Contact number "{value}" must contain digits only.',
    { value },
    fixed ? { [field]: fixed } : undefined,
    excelFloat ? 0.9 : 0.7,
  );
}
