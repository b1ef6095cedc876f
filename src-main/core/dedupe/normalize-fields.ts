import { parsePhoneNumberFromString, getCountryCallingCode, type CountryCode } from 'libphonenumber-js/min';
import { foldAccents } from '../../../shared/text/normalize';
import { normalizeCountry } from '../../../shared/reference/countries';

/**
 * Field normalisers for duplicate detection. Each maps a raw value to a comparison form ('' =
 * missing). They are applied once per distinct value (records intern values), so clarity
 * matters more than micro-speed here, except for the phone fast path.
 */

/** Lower-case letters/digits, accents folded, punctuation → space, single spaces. */
export function basicText(s: string): string {
  return foldAccents(s)
    .toLowerCase()
    .replace(/[.']/g, '') // "S.A." → "sa", "O'Neill" → "oneill"
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/**
 * Person name: basic text plus German umlaut transcriptions folded (`Mueller` → `muller`,
 * `Schröder`/`Schroeder` → `schroder`) so accent loss and transcription meet.
 */
export function normName(s: string): string {
  return basicText(s).replace(/([a-z])([aou])e/g, (m, c: string, v: string) => (c === 'q' ? m : c + v));
}

const LEGAL_SUFFIXES = new Set([
  'ag',
  'sa',
  'gmbh',
  'sarl',
  'sagl',
  'ltd',
  'limited',
  'inc',
  'llc',
  'plc',
  'kg',
  'ohg',
  'gbr',
  'ug',
  'se',
  'sas',
  'sasu',
  'eurl',
  'snc',
  'srl',
  'spa',
  'bv',
  'nv',
  'co',
  'cie',
  'ev',
  'corp',
  'kgaa',
  'genossenschaft',
  'stiftung',
  'fondation',
  'association',
  'verein',
  'et',
  'und',
  'and',
  'e',
]);

/**
 * Structure name: legal form words dropped wherever they stand (`Migros AG`, `Migros SA`,
 * `Migros-Genossenschaft` → `migros`); keeps the value when it would become empty.
 */
export function normCompany(s: string): string {
  const t = basicText(s.replace(/&/g, ' '));
  const kept = t.split(' ').filter((w) => !LEGAL_SUFFIXES.has(w));
  return kept.length ? kept.join(' ') : t;
}

const STREET_WORDS: Record<string, string> = {
  str: 'strasse',
  strase: 'strasse',
  av: 'avenue',
  ave: 'avenue',
  ch: 'chemin',
  bd: 'boulevard',
  boul: 'boulevard',
  bld: 'boulevard',
  pl: 'place',
  rte: 'route',
  imp: 'impasse',
  rd: 'road',
  hwy: 'highway',
  crt: 'court',
  cres: 'crescent',
  pde: 'parade',
  'pl.': 'place',
  via: 'via',
  v: 'via',
};

/**
 * Street line: abbreviations expanded (`str.`/`straße` → `strasse`, `av.` → `avenue`, `ch.` →
 * `chemin`, `bd` → `boulevard`), glued suffixes too (`Bahnhofstr. 1` → `bahnhofstrasse 1`),
 * house number letters split (`12a` → `12 a`).
 */
export function normStreet(s: string): string {
  const t = foldAccents(s)
    .toLowerCase()
    .replace(/([a-z])str\b\.?/g, '$1strasse')
    .replace(/[.,'/-]/g, ' ')
    .replace(/(\d)([a-z])\b/g, '$1 $2')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
  return t
    .split(' ')
    .map((w) => STREET_WORDS[w] ?? w)
    .join(' ');
}

/** Town: basic text with `st`/`ste` → `saint`/`sainte` and a trailing `cedex` dropped. */
export function normTown(s: string): string {
  return basicText(s)
    .replace(/\bst\b/g, 'saint')
    .replace(/\bste\b/g, 'sainte')
    .replace(/ cedex( \d+)?$/, '');
}

/** Postcode: upper-case, no spaces, country prefix dropped (`CH-8001` → `8001`, `SW1A 1AA` → `SW1A1AA`). */
export function normZip(s: string): string {
  return s
    .toUpperCase()
    .replace(/^(CH|D|DE|F|FR|A|AT|I|IT|FL|LI)-\s*/, '')
    .replace(/[^A-Z0-9]/g, '');
}

const countryCache = new Map<string, string>();
/** ISO alpha-2 code of a country cell ('' when unknown). */
export function normCountry(s: string): string {
  let c = countryCache.get(s);
  if (c === undefined) {
    c = normalizeCountry(s)?.code ?? '';
    if (countryCache.size < 10000) countryCache.set(s, c);
  }
  return c;
}

/** Countries whose national numbers drop a leading trunk 0 in E.164 (fast path, no parser). */
const TRUNK_ZERO = new Set([
  'CH',
  'DE',
  'FR',
  'AT',
  'GB',
  'BE',
  'NL',
  'LI',
  'LU',
  'ES',
  'AU',
  'NZ',
  'SE',
  'PT',
]);

/**
 * Phone → E.164 digits without '+' (`079 123 45 67` in CH → `41791234567`), using the row's
 * country (default CH). Internationally written numbers and trunk-0 countries take a fast
 * path; the rest go through libphonenumber. Unparseable values keep their digits.
 */
export function normPhone(raw: string, country = 'CH'): string {
  const trimmed = raw.trim().replace(/\(0\)/g, ''); // "+41 (0)79…": the (0) is not dialled
  if (!trimmed) return '';
  const digits = trimmed.replace(/\D/g, '');
  if (digits.length < 5) return '';
  if (trimmed.startsWith('+')) return digits;
  if (digits.startsWith('00')) return digits.slice(2);
  const cc = country || 'CH';
  if (digits.startsWith('0') && TRUNK_ZERO.has(cc)) {
    return getCountryCallingCode(cc as CountryCode) + digits.slice(1);
  }
  try {
    const p = parsePhoneNumberFromString(trimmed, cc as CountryCode);
    if (p) return p.number.slice(1);
  } catch {
    // unknown country code: keep the digits
  }
  return digits;
}

const GMAIL = new Set(['gmail.com', 'googlemail.com']);

/** Email: trimmed, lower-case; Gmail ignores dots and +tags in the local part, so do we. */
export function normEmail(s: string): string {
  const e = s.trim().toLowerCase();
  const at = e.lastIndexOf('@');
  if (at <= 0) return e;
  let local = e.slice(0, at);
  let domain = e.slice(at + 1);
  if (GMAIL.has(domain)) {
    domain = 'gmail.com';
    local = local.replace(/\./g, '').replace(/\+.*$/, '');
  }
  return `${local}@${domain}`;
}

/**
 * Birthdate → `yyyymmdd` from `dd.mm.yyyy`, `d/m/yy`, `yyyy-mm-dd`, `yyyymmdd` (ISO timestamps
 * too). Impossible dates are kept as digits: `19990231` still compares with `19990213`.
 */
export function normDate(s: string): string {
  const t = s.trim();
  if (!t) return '';
  let m = /^(\d{4})(\d{2})(\d{2})$/.exec(t);
  if (m) return t;
  m = /^(\d{4})[-./](\d{1,2})[-./](\d{1,2})(?:[T ].*)?$/.exec(t);
  if (m) return m[1]! + m[2]!.padStart(2, '0') + m[3]!.padStart(2, '0');
  m = /^(\d{1,2})[-./ ](\d{1,2})[-./ ](\d{2}|\d{4})$/.exec(t);
  if (m) {
    let y = m[3]!;
    if (y.length === 2) {
      const nowYY = new Date().getFullYear() % 100;
      y = (Number(y) > nowYY ? '19' : '20') + y;
    }
    return y + m[2]!.padStart(2, '0') + m[1]!.padStart(2, '0');
  }
  return '';
}
