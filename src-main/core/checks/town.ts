import type { Contact } from '../../../shared/domain';
import { postalOf, sharedPostal } from '../reference';
import type { PostalIndex } from '../reference/postal-index';
import { townKey, townKeyWithoutNumber } from '../reference/town-key';
import {
  TOWN_CHECK_COUNTRIES,
  closestTown,
  postcodeForTown,
  referenceKey,
  rowCountry,
  splitPostcodeTown,
  countrySettingsKey,
} from './address-reference';
import type { Check, CheckContext, Finding } from './check';
import { finding } from './finding';
import { memoByFields } from './memo';
import { readPostcode } from './postcode-formats';

/**
 * TOWN against ZIPCODE, using the offline reference (resources/postal): official spelling
 * (`Geneve` → `Genève`), postcode and town in one cell, and pairs that do not belong together
 * with the most likely correction. Only for countries whose town data is reliable
 * (TOWN_CHECK_COUNTRIES); the postcode check reports codes that do not exist.
 */
export const townCheck: Check = {
  name: 'town',
  codes: ['town.contains-postcode', 'town.spelling', 'town.mismatch', 'town.missing'],
  load: sharedPostal,
  // Pure in these fields (and the country settings), so repeated values are computed once.
  run: memoByFields(
    ['ZIPCODE', 'TOWN', 'COUNTRY'],
    (contact: Contact, ctx: CheckContext): Finding[] => {
      const country = rowCountry(contact, ctx.settings);
      if (!country) return [];
      const town = contact.data.TOWN?.trim();
      const zipRaw = contact.data.ZIPCODE?.trim();

      if (town) {
        const split = splitPostcodeTown(country, town);
        if (split) {
          const suggestion: Record<string, string> = { TOWN: split.town };
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
      const postcode = readPostcode(country, zipRaw)?.value;
      const index = postalOf(ctx.resources.town).get(country);
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
    },
    countrySettingsKey,
  ),
};

/** The town is right but spelled differently from the reference (accents, case, `St`). */
function spelling(contact: Contact, town: string, reference: string, alias: boolean): Finding[] {
  const key = townKey(town);
  // Only respell when the reference is the same place name; keep `Lausanne 1` office numbers,
  // district suffixes and accepted aliases as they are.
  if (alias || townKeyWithoutNumber(key) !== townKey(reference)) return [];
  const suffix = key === townKey(reference) ? '' : town.slice(town.trimEnd().search(/\s\d+$/));
  const suggested = reference + suffix;
  if (suggested === town || !differsBeyondCase(town, suggested)) return [];
  return [
    finding(
      contact,
      'TOWN',
      'town.spelling',
      'info',
      'Town "{value}" is officially written "{suggested}".',
      { value: town, suggested },
      { TOWN: suggested },
      0.9,
    ),
  ];
}

/** Upper-case names are the street-sign convention, still worth fixing; a mixed-case variant is not. */
function differsBeyondCase(written: string, reference: string): boolean {
  if (written.toLowerCase() !== reference.toLowerCase()) return true;
  return written === written.toUpperCase() || written === written.toLowerCase();
}

function mismatch(
  contact: Contact,
  index: PostalIndex,
  key: string,
  postcode: string,
  town: string,
): Finding {
  const towns = index.townsOf(key).filter((t) => !t.alias);
  const expected = [...new Set(towns.map((t) => t.name))].slice(0, 3).join(', ');
  const params = { postcode, town, expected };
  const message = 'Town "{town}" does not match postcode {postcode} (expected {expected}).';
  // 1. A typo of one of the postcode's towns: `Lausane` → `Lausanne`.
  const near = closestTown(town, new Set(towns.map((t) => t.key)));
  if (near) {
    const name = towns.find((t) => t.key === near.key)!.name;
    return finding(
      contact,
      'TOWN',
      'town.mismatch',
      'warning',
      message,
      params,
      { TOWN: name },
      near.distance === 1 ? 0.85 : 0.7,
    );
  }
  // 2. A real town elsewhere: the postcode is wrong (`1030 Lausanne` → `1003`).
  const guess = postcodeForTown(index, town, postcode);
  if (guess)
    return finding(
      contact,
      'ZIPCODE',
      'town.mismatch',
      'warning',
      message,
      params,
      { ZIPCODE: guess.postcode },
      guess.confidence,
    );
  // 3. A typo of a town elsewhere: say which town, no automatic fix.
  return finding(contact, 'TOWN', 'town.mismatch', 'warning', message, params);
}
