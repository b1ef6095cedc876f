import { splitPostcodeTown } from './address';
import { parseDate } from './dates';
import { presetLookup } from './value-maps';

/**
 * Content profile of a column: the share (0..1) of its sampled non-empty values that look like
 * each kind of data. Used with the header to suggest a field (a `Col7` full of emails is EMAIL1).
 */
export const PROFILE_KINDS = [
  'company',
  'email',
  'phone',
  'mobile',
  'postcode',
  'zipTown',
  'date',
  'birthDate',
  'title',
  'country',
  'language',
  'url',
  'word',
  'fullName',
  'street',
  'digits',
  'boolean',
] as const;
export type ProfileKind = (typeof PROFILE_KINDS)[number];

export interface ColumnProfile {
  /** Non-empty values looked at. */
  sampled: number;
  /** Share of all sampled rows that were empty. */
  emptyShare: number;
  /** Share of distinct values among the non-empty ones (1 = all different). */
  distinctShare: number;
  shares: Record<ProfileKind, number>;
}

const EMAIL = /^[^\s@,;]+@[^\s@,;]+\.[^\s@,;]{2,}$/;
const PHONE_CHARS = /^[\d\s+()./-]+$/;
const POSTCODE = /^(?:[A-Z]{1,2}-)?\d{4,5}$/;
const URL = /^(?:https?:\/\/|www\.)[^\s]+\.[^\s]+$/i;
const WORD = /^\p{L}[\p{L}'’.-]*$/u;
/** Legal forms that mark a company name (`Acme AG`, `Dupont Sàrl`, `Rossi S.p.A.`). */
const COMPANY =
  /(?:^|[\s,])(ag|gmbh|sa|s\.a\.|sàrl|sarl|ltd|limited|inc|llc|plc|spa|s\.p\.a\.|srl|s\.r\.l\.|kg|ohg|e\.v\.|verein|association|stiftung|fondation|fondazione|genossenschaft|coop[ée]rative|bv|nv|oy|ab|as)\.?$/i;
const STREET_WORDS =
  /\b(strasse|str\.|gasse|weg|platz|allee|rue|avenue|av\.|chemin|ch\.|route|rte|boulevard|bd|place|via|viale|piazza|corso|vicolo|street|st\.|road|rd\.?|lane|drive|way)\b|strasse\b|str\.|gasse\b|weg\b/i;

/** Mobile prefixes of the usual countries (CH 07x, FR 06/07, DE 015-017, IT 3xx, AT 06xx, international forms). */
const MOBILE =
  /^(?:(?:\+|00)41|0)7[5-9]\d{7}$|^(?:(?:\+|00)33|0)[67]\d{8}$|^(?:(?:\+|00)49|0)1[5-7]\d{7,9}$|^(?:(?:\+|00)39)?3\d{8,9}$|^(?:(?:\+|00)43|0)6\d{7,11}$|^(?:(?:\+|00)44|0)7\d{9}$/;

function phoneDigits(v: string): string | null {
  if (!PHONE_CHARS.test(v)) return null;
  const d = v.replace(/[^\d+]/g, '');
  const digits = d.replace(/\D/g, '');
  // 9+ digits: long enough not to be a postcode, a yyyymmdd date or a customer number.
  if (digits.length < 9 || digits.length > 15) return null;
  if (!/^(\+|00|0)/.test(d) && !/[\s()./-]/.test(v)) return null;
  return d;
}

function classify(v: string, now: Date): ProfileKind[] {
  const kinds: ProfileKind[] = [];
  if (EMAIL.test(v)) kinds.push('email');
  const phone = phoneDigits(v);
  if (phone) {
    kinds.push('phone');
    if (MOBILE.test(phone)) kinds.push('mobile');
  }
  if (POSTCODE.test(v)) kinds.push('postcode');
  if (/\p{L}/u.test(v) && /\d/.test(v) && splitPostcodeTown(v)) kinds.push('zipTown');
  // Dates need separators or 8 digits: a bare small number is an Excel serial only if the header says so.
  if (/^\d{8}$/.test(v) || /\d[./-]\d/.test(v)) {
    const d = parseDate(v, 'auto', now);
    if (d.ok) {
      kinds.push('date');
      // A birth date is 10 to 110 years back; `modified_at` or order dates are not.
      const age = now.getUTCFullYear() - d.year;
      if (age >= 10 && age <= 110) kinds.push('birthDate');
    }
  }
  if (presetLookup('title', v) && v.length > 1) kinds.push('title');
  // Lower-case 2-letter codes are language codes (`de`), not countries (`DE`); `D`/`DE` fit both.
  if (!/^[a-z]{1,2}$/.test(v) && presetLookup('country', v)) kinds.push('country');
  if (presetLookup('language', v.replace(/[-_][A-Za-z]{2}$/, ''))) kinds.push('language');
  if (URL.test(v)) kinds.push('url');
  const tokens = v.split(/\s+/);
  const company = COMPANY.test(v);
  if (company) kinds.push('company');
  if (tokens.length === 1 && WORD.test(v)) kinds.push('word');
  if (
    (tokens.length >= 2 && tokens.length <= 5 && tokens.every((t) => WORD.test(t.replace(/,$/, '')))) ||
    /^\p{L}[^,]*, \p{L}/u.test(v)
  )
    if (!company) kinds.push('fullName');
  if (
    /\p{L}/u.test(v) &&
    (STREET_WORDS.test(v) || /^\d+\s*\p{L}|\p{L}\s\d+\s?[a-z]?$/u.test(v)) &&
    !kinds.includes('zipTown')
  )
    kinds.push('street');
  if (/^\d+$/.test(v)) kinds.push('digits');
  if (presetLookup('boolean', v)) kinds.push('boolean');
  return kinds;
}

/** Profiles one column from a sample of its values (as read; whitespace is trimmed here). */
export function profileColumn(values: readonly string[], now: Date = new Date()): ColumnProfile {
  const shares = Object.fromEntries(PROFILE_KINDS.map((k) => [k, 0])) as Record<ProfileKind, number>;
  const nonEmpty = values.map((v) => v.trim()).filter(Boolean);
  for (const v of nonEmpty) for (const k of classify(v, now)) shares[k] += 1;
  const n = nonEmpty.length;
  if (n) for (const k of PROFILE_KINDS) shares[k] /= n;
  return {
    sampled: n,
    emptyShare: values.length ? 1 - n / values.length : 1,
    distinctShare: n ? new Set(nonEmpty).size / n : 0,
    shares,
  };
}
