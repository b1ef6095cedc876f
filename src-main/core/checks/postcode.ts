import type { Contact } from '../../../shared/domain';
import { postalOf, sharedPostal } from '../reference';
import type { PostalIndex } from '../reference/postal-index';
import { townKey } from '../reference/town-key';
import {
  ADDRESS_MEMO_KEYS,
  officialSpelling,
  postcodeForTown,
  referenceKey,
  rowCountry,
  splitPostcodeTown,
  countryOfPair,
  pairMatches,
} from './address-reference';
import type { Check, CheckContext, Finding } from './check';
import { finding } from './finding';
import { memoByFields } from './memo';
import { POSTCODE_FORMATS, readPostcode } from './postcode-formats';
import { isJunkLine } from './street-format';

const CHANGE_TEXT = {
  prefix: 'without the country prefix (COUNTRY says the country)',
  layout: 'in the standard layout',
  padding: 'with the leading zeros Excel dropped',
} as const;

/**
 * Countries whose reference lists full postcodes, so a town can give its postcode away. GB, IE,
 * CA, NL and PT list only a prefix (outward code, routing key, FSA, PC4, CP4): never suggested.
 */
const FULL_POSTCODES: ReadonlySet<string> = new Set([
  'CH',
  'LI',
  'FR',
  'DE',
  'AT',
  'IT',
  'BE',
  'LU',
  'ES',
  'US',
]);

// Pure in ZIPCODE, TOWN, COUNTRY and the country settings: repeated values are computed once.
const postcodeMemo = memoByFields(ADDRESS_MEMO_KEYS, checkPostcode);

/**
 * ZIPCODE format per country (spec §3.5: Text 10) and existence in the offline reference.
 * Countries without a known format are left alone; an empty ZIPCODE is only reported when the
 * town gives the postcode away.
 */
export const postcodeCheck: Check = {
  name: 'postcode',
  codes: [
    'postcode.contains-town',
    'postcode.junk',
    'postcode.format',
    'postcode.normalize',
    'postcode.incomplete',
    'postcode.unknown',
    'postcode.missing',
  ],
  load: sharedPostal,
  run: postcodeMemo,
  pushValues: postcodeMemo.pushValues,
};

function checkPostcode(contact: Contact, ctx: CheckContext): Finding[] {
  const country = rowCountry(contact, ctx.settings);
  if (!country || !POSTCODE_FORMATS[country]) return [];
  const postal = postalOf(ctx.resources.postcode);
  const index = postal.get(country);
  const raw = contact.data.ZIPCODE?.trim();
  const town = contact.data.TOWN?.trim();
  const guessFor = (written?: string) =>
    town && index && FULL_POSTCODES.has(country) ? postcodeForTown(index, town, written) : undefined;

  if (!raw) {
    const guess = guessFor();
    if (!guess) return [];
    return [
      finding(
        contact,
        'ZIPCODE',
        'postcode.missing',
        'info',
        'No postcode; {town} has the postcode {postcode}.',
        { town: town!, postcode: guess.postcode },
        { ZIPCODE: guess.postcode },
        guess.confidence,
      ),
    ];
  }
  const split = splitPostcodeTown(country, raw);
  if (split) return [combined(contact, index, country, raw, split, town)];
  // A foreign address in a row without COUNTRY: the town check suggests the country instead.
  if (
    town &&
    !contact.data.COUNTRY?.trim() &&
    !pairMatches(postal, country, raw, town) &&
    countryOfPair(postal, raw, town, country)
  )
    return [];

  const reading = readPostcode(country, raw)!;
  const fmt = POSTCODE_FORMATS[country]!;
  if (isJunkLine(raw)) {
    const guess = guessFor();
    return [
      finding(
        contact,
        'ZIPCODE',
        'postcode.junk',
        'warning',
        '"{value}" is a placeholder, not a postcode.',
        { value: raw },
        { ZIPCODE: guess?.postcode ?? null },
        guess?.confidence ?? 0.8,
      ),
    ];
  }
  if (reading.status === 'invalid') {
    const guess = guessFor();
    return [
      finding(
        contact,
        'ZIPCODE',
        'postcode.format',
        'error',
        '"{value}" is not a valid {country} postcode (e.g. {example}).',
        { value: raw, country, example: fmt.example },
        guess && { ZIPCODE: guess.postcode },
        guess?.confidence ?? 1,
      ),
    ];
  }

  const out: Finding[] = [];
  const value = reading.value!;
  const known = index?.hasPostcode(referenceKey(country, value));
  if (value !== raw) {
    const change = reading.changes[0] ?? 'layout';
    // A padded code is only trusted when the reference knows it.
    const confidence = change === 'padding' ? (known ? 0.9 : 0.5) : 0.95;
    out.push(
      finding(
        contact,
        'ZIPCODE',
        'postcode.normalize',
        'warning',
        'Postcode "{value}" should be written {suggested}, {how}.',
        { value: raw, suggested: value, how: CHANGE_TEXT[change] },
        { ZIPCODE: value },
        confidence,
      ),
    );
  }
  if (reading.status === 'partial')
    out.push(
      finding(
        contact,
        'ZIPCODE',
        'postcode.incomplete',
        'warning',
        'Postcode "{value}" is incomplete (full form e.g. {example}).',
        { value: raw, example: fmt.example },
      ),
    );
  if (index && known === false) {
    const guess = guessFor(value);
    out.push(
      finding(
        contact,
        'ZIPCODE',
        'postcode.unknown',
        'warning',
        'Postcode {value} does not exist in {country}.',
        { value, country },
        guess && { ZIPCODE: guess.postcode },
        guess?.confidence ?? 1,
      ),
    );
  }
  return out;
}

/** `1003 Lausanne` (or `75008 CEDEX 08`) in ZIPCODE: split into ZIPCODE and TOWN. */
function combined(
  contact: Contact,
  index: PostalIndex | undefined,
  country: string,
  raw: string,
  split: { postcode: string; town: string },
  town: string | undefined,
): Finding {
  const sameTown = town !== undefined && townKey(town) === townKey(split.town);
  const suggestion: Record<string, string> = { ZIPCODE: split.postcode };
  // `75008 CEDEX 08`: the CEDEX mark belongs after the town (`Paris CEDEX 08`).
  const cedex = /^cedex\b/i.test(split.town);
  if (!town) suggestion.TOWN = officialSpelling(index, country, split.postcode, split.town);
  else if (cedex && !/\bcedex\b/i.test(town)) suggestion.TOWN = `${town} ${split.town.toUpperCase()}`;
  return finding(
    contact,
    'ZIPCODE',
    'postcode.contains-town',
    'error',
    'Postcode and town in one cell: "{value}".',
    { value: raw },
    suggestion,
    !town || sameTown || cedex ? 0.95 : 0.7,
  );
}
