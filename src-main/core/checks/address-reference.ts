import type { Contact } from '../../../shared/domain';
import { editDistance, normalizeCountry } from '../../../shared/reference/countries';
import type { PostalIndex } from '../reference/postal-index';
import type { PostalReference } from '../reference/postal-loader';
import { townKey } from '../reference/town-key';
import type { CheckContext, CheckSettings } from './check';
import { memo1, MemoKeys } from './memo';
import { POSTCODE_FORMATS, readPostcode } from './postcode-formats';

/**
 * The row's country as ISO alpha-2: COUNTRY read leniently (`Suisse`, `CHE`), else the
 * workspace's default (`checks.defaultCountry` setting), since SecuTix uses the
 * institution's country for an empty cell (spec §3.5).
 */
export function rowCountry(contact: Contact, settings: CheckSettings): string | undefined {
  const written = contact.data.COUNTRY;
  if (written !== undefined && written.trim() !== '') return countryCode(written);
  return settingsCountry(settings);
}

/** The country of rows without COUNTRY: the first setting naming a known country. */
function settingsCountry(settings: CheckSettings): string | undefined {
  for (const key of COUNTRY_SETTINGS) {
    const v = settings[key];
    if (typeof v === 'string') {
      const code = countryCode(v);
      if (code) return code;
    }
  }
  return undefined;
}

// `checks.defaultCountry` is the workspace setting (check-settings.ts); the others are aliases.
const COUNTRY_SETTINGS = ['checks.defaultCountry', 'defaultCountry', 'institutionCountry'] as const;
const countryCode = memo1((value: string) => normalizeCountry(value)?.code);

const ADDRESS_MEMO_ENTRIES = 150_000;

const settingsKeys = new WeakMap<CheckContext['settings'], string>();

/**
 * The country part of the address memo's key: the row's resolved country and whether COUNTRY is
 * written — all the postcode and town checks read of COUNTRY. `CH` written, `?` written but
 * unknown, `-CH` / `-` from the settings. Keying on the resolved country rather than the raw cell
 * makes `Schweiz`, `Suisse` and `CH` one entry: 157k addresses instead of 273k in the 1M bench
 * file, so a worker's entries fit the bound and are not recomputed after a clear.
 */
export function addressCountryKey(contact: Contact, ctx: CheckContext): string {
  const written = contact.data.COUNTRY;
  if (written !== undefined && written.trim() !== '') return countryCode(written) ?? '?';
  // Settings are never mutated during a run: the key is computed once per settings object.
  let key = settingsKeys.get(ctx.settings);
  if (key === undefined) {
    key = `-${settingsCountry(ctx.settings) ?? ''}`;
    settingsKeys.set(ctx.settings, key);
  }
  return key;
}

/**
 * The cache keys of the postcode and town checks: both are pure in ZIPCODE, TOWN and
 * addressCountryKey, so one lookup per row serves both. A miss costs both checks (~20 µs), and a
 * large file holds far more than the default 50,000 distinct addresses (the supported countries
 * list ~107,000 postcodes), so this cache holds up to 150,000 (≈ 60 MB per thread) before it is
 * cleared.
 */
export const ADDRESS_MEMO_KEYS = new MemoKeys(['ZIPCODE', 'TOWN'], addressCountryKey, ADDRESS_MEMO_ENTRIES);

/** Countries whose reference towns are good enough to call a postcode/town pair inconsistent. */
export const TOWN_CHECK_COUNTRIES: ReadonlySet<string> = new Set([
  'CH',
  'LI',
  'FR',
  'DE',
  'AT',
  'BE',
  'LU',
  'IT',
  'ES',
]);

/**
 * Key under which the reference stores a canonical postcode: GB outward code, CA/IE first three
 * characters, NL/PT four digits, US five digits (see resources/README.md for the granularity).
 */
export function referenceKey(country: string, postcode: string): string {
  switch (country) {
    case 'GB':
      return postcode.split(' ')[0]!;
    case 'CA':
    case 'IE':
      return postcode.slice(0, 3);
    case 'NL':
    case 'PT':
      return postcode.slice(0, 4);
    case 'US':
      return postcode.slice(0, 5);
    default:
      return postcode;
  }
}

const FOUR_DIGITS = /\d{4}/;
const LETTER = /\p{L}/u;
const SPLIT_PATTERNS = [
  /^((?:[A-Za-z]{1,3}\s?-\s?)?\d{4,5}(?:-\d{3})?(?: ?[A-Z]{2}(?= ))?)[ ,]+(\D.*)$/, // postcode first
  /^(\D*\p{L}\D*?)[ ,]+((?:[A-Za-z]{1,3}-)?\d{4,5})$/u, // town first (`Lausanne 1003`)
] as const;

export interface PostcodeTown {
  postcode: string;
  town: string;
}

/**
 * Splits `1003 Lausanne`, `CH-1003 Lausanne`, `Lausanne 1003` or `75008 Paris` written in one cell.
 * The number part must read as a valid postcode of the country, and the rest must contain a letter.
 */
export function splitPostcodeTown(country: string, cell: string): PostcodeTown | undefined {
  if (!POSTCODE_FORMATS[country]) return undefined;
  // Both patterns need a run of 4 digits and a letter in the town: most cells (a bare postcode,
  // a bare town) fail this cheap test.
  if (!FOUR_DIGITS.test(cell) || !LETTER.test(cell)) return undefined;
  const s = cell.trim().replace(/\s+/g, ' ');
  for (const [i, re] of SPLIT_PATTERNS.entries()) {
    const m = re.exec(s);
    if (!m) continue;
    const [code, town] = i === 0 ? [m[1]!, m[2]!] : [m[2]!, m[1]!];
    const reading = readPostcode(country, code);
    if (reading?.status !== 'valid' || !/\p{L}/u.test(town)) continue;
    // `Lausanne 25` style office numbers are not postcodes: require the code to be 4+ digits.
    return { postcode: reading.value!, town: town.trim() };
  }
  return undefined;
}

/** The reference town spelling closest to `written` among `candidates` (edit distance ≤ 2 on keys). */
export function closestTown(
  written: string,
  candidates: Iterable<string>,
): { key: string; distance: number } | undefined {
  const key = townKey(written);
  if (key.length < 4) return undefined;
  const max = key.length >= 8 ? 2 : 1;
  let best: { key: string; distance: number } | undefined;
  let tie = false;
  for (const c of candidates) {
    if (Math.abs(c.length - key.length) > max) continue;
    const d = editDistance(key, c, max);
    if (d > max) continue;
    if (!best || d < best.distance) {
      best = { key: c, distance: d };
      tie = false;
    } else if (d === best.distance && c !== best.key) tie = true;
  }
  return best && !tie ? best : undefined;
}

/**
 * A postcode for a town written next to a wrong or missing one: the town's postcode one typo
 * away from the written code (`1030` → `1003`), else its only postcode.
 */
export function postcodeForTown(
  index: PostalIndex,
  town: string,
  writtenPostcode?: string,
): { postcode: string; confidence: number } | undefined {
  const codes = index.postcodesOf(townKey(town));
  if (codes.length === 0) return undefined;
  if (writtenPostcode) {
    const near = codes.filter((c) => editDistance(c, writtenPostcode, 1) <= 1);
    if (near.length === 1) return { postcode: near[0]!, confidence: 0.75 };
  }
  return codes.length === 1 ? { postcode: codes[0]!, confidence: writtenPostcode ? 0.5 : 0.8 } : undefined;
}

/**
 * The reference spelling of a town at a postcode when it is the same name (`Geneve` at 1204 →
 * `Genève`), else the town as written: split suggestions then need no second fix.
 */
export function officialSpelling(
  index: PostalIndex | undefined,
  country: string,
  postcode: string,
  town: string,
): string {
  const match = index?.matchTown(referenceKey(country, postcode), town);
  return match && !match.alias && match.key === townKey(town) ? match.name : town;
}

/** True when this postcode and town belong together in the country's reference. */
export function pairMatches(postal: PostalReference, country: string, zip: string, town: string): boolean {
  const postcode = readPostcode(country, zip)?.value;
  return !!postcode && !!postal.get(country)?.matchTown(referenceKey(country, postcode), town);
}

/** The one checked country where this postcode and town belong together, if exactly one. */
export function countryOfPair(
  postal: PostalReference,
  zip: string,
  town: string,
  except?: string,
): string | undefined {
  const hits = [...TOWN_CHECK_COUNTRIES].filter((cc) => cc !== except && pairMatches(postal, cc, zip, town));
  return hits.length === 1 ? hits[0] : undefined;
}
