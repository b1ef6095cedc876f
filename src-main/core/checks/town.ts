import type { Contact } from '../../../shared/domain';
import { postalOf, sharedPostal } from '../reference';
import type { PostalReference } from '../reference/postal-loader';
import {
  TOWN_CHECK_COUNTRIES,
  ADDRESS_MEMO_KEYS,
  referenceKey,
  rowCountry,
  splitPostcodeTown,
  officialSpelling,
  countryOfPair,
  pairMatches,
} from './address-reference';
import type { Check, CheckContext, Finding } from './check';
import { finding } from './finding';
import { memoByFields } from './memo';
import { readPostcode } from './postcode-formats';
import { isJunkLine } from './street-format';
import { mismatch, spelling } from './town-findings';

const MOJIBAKE = /[ÃÂ][\u0080-\u00bf]|Ã./;

// Pure in ZIPCODE, TOWN, COUNTRY and the country settings: repeated values are computed once.
const townMemo = memoByFields(ADDRESS_MEMO_KEYS, checkTown);

/**
 * TOWN against ZIPCODE, using the offline reference (resources/postal): official spelling
 * (`Geneve` → `Genève`), postcode and town in one cell, pairs that do not belong together with
 * the most likely correction, and a missing COUNTRY given away by the pair (`75008 Paris` in a
 * Swiss file). Only for countries whose town data is reliable (TOWN_CHECK_COUNTRIES); the
 * postcode check reports codes that do not exist.
 */
export const townCheck: Check = {
  name: 'town',
  codes: [
    'town.contains-postcode',
    'town.spelling',
    'town.mismatch',
    'town.missing',
    'town.junk',
    'town.country-missing',
  ],
  load: sharedPostal,
  run: townMemo,
  pushValues: townMemo.pushValues,
};

function checkTown(contact: Contact, ctx: CheckContext): Finding[] {
  const postal = postalOf(ctx.resources.town);
  const town = contact.data.TOWN?.trim();
  const zipRaw = contact.data.ZIPCODE?.trim();
  const country = rowCountry(contact, ctx.settings);
  if (town && isJunkLine(town)) return [junkTown(contact, postal, town, zipRaw, country)];
  const countryWritten = !!contact.data.COUNTRY?.trim();
  if (town && zipRaw && !countryWritten && !(country && pairMatches(postal, country, zipRaw, town))) {
    const other = countryOfPair(postal, zipRaw, town, country);
    if (other)
      return [
        finding(
          contact,
          'COUNTRY',
          'town.country-missing',
          'warning',
          'No country; {postcode} {town} is in {country}.',
          { postcode: zipRaw, town, country: other },
          { COUNTRY: other },
          0.8,
        ),
      ];
  }
  if (!country) return [];

  if (town) {
    const split = splitPostcodeTown(country, town);
    if (split) {
      const index = TOWN_CHECK_COUNTRIES.has(country) ? postal.get(country) : undefined;
      const suggestion: Record<string, string> = {
        TOWN: officialSpelling(index, country, split.postcode, split.town),
      };
      if (!zipRaw) suggestion.ZIPCODE = split.postcode;
      const agrees = !zipRaw || readPostcode(country, zipRaw)?.value === split.postcode;
      return [
        finding(
          contact,
          'TOWN',
          'town.contains-postcode',
          'error',
          'Town and postcode in one cell: "{value}".',
          { value: town },
          suggestion,
          agrees ? 0.95 : 0.7,
        ),
      ];
    }
  }
  if (!TOWN_CHECK_COUNTRIES.has(country) || !zipRaw) return [];
  // `ZÃ¼rich`: encoding damage is the encoding check's finding; compare after its repair.
  if (town && MOJIBAKE.test(town)) return [];
  const postcode = readPostcode(country, zipRaw)?.value;
  const index = postal.get(country);
  if (!postcode || !index || !index.hasPostcode(referenceKey(country, postcode))) return [];
  const key = referenceKey(country, postcode);

  if (!town) {
    const primary = [
      ...new Set(
        index
          .townsOf(key)
          .filter((t) => !t.alias)
          .map((t) => t.name),
      ),
    ];
    if (primary.length !== 1) return [];
    return [
      finding(
        contact,
        'TOWN',
        'town.missing',
        'warning',
        'No town; postcode {postcode} is {town}.',
        { postcode, town: primary[0]! },
        { TOWN: primary[0]! },
        0.9,
      ),
    ];
  }
  const match = index.matchTown(key, town);
  if (match) return spelling(contact, town, match.name, match.alias);
  return [mismatch(contact, index, key, postcode, town)];
}

/** `-`, `xxx`, `?` as town: clear it, or put the postcode's town when it has only one. */
function junkTown(
  contact: Contact,
  postal: PostalReference,
  town: string,
  zip?: string,
  country?: string,
): Finding {
  const postcode = country && zip ? readPostcode(country, zip)?.value : undefined;
  const index = country && TOWN_CHECK_COUNTRIES.has(country) ? postal.get(country) : undefined;
  const towns =
    postcode && index ? index.townsOf(referenceKey(country!, postcode)).filter((t) => !t.alias) : [];
  const names = [...new Set(towns.map((t) => t.name))];
  const replacement = names.length === 1 ? names[0]! : null;
  return finding(
    contact,
    'TOWN',
    'town.junk',
    'warning',
    '"{value}" is a placeholder, not a town.',
    { value: town },
    { TOWN: replacement },
    replacement ? 0.9 : 0.8,
  );
}
