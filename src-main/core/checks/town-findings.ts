import type { Contact } from '../../../shared/domain';
import type { PostalIndex } from '../reference/postal-index';
import { townKey, townKeyWithoutNumber } from '../reference/town-key';
import { closestTown, postcodeForTown } from './address-reference';
import type { Finding } from './check';
import { finding } from './finding';
import { isSingleCase } from './name-case';

/** Findings of the town check once the postcode is known to the reference (pure). */

/** The town is right but spelled differently from the reference (accents, case, `St`). */
export function spelling(contact: Contact, town: string, reference: string, alias: boolean): Finding[] {
  const key = townKey(town);
  const refKey = townKey(reference);
  // Only respell when the reference is the same place name; keep `Lausanne 1` office numbers,
  // district suffixes and accepted aliases as they are.
  if (alias || (key !== refKey && townKeyWithoutNumber(key) !== refKey)) return [];
  // `Paris 8e` for `Paris 08` is fine as written; only re-case numbered names in CAPS.
  if (/\d/.test(reference) && !isSingleCase(town)) return [];
  const office = /\s\d+$/.exec(town.trimEnd());
  const suggested = key === refKey || !office ? reference : reference + office[0];
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

export function mismatch(
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
  // 3. A typo of a town elsewhere whose postcode is one typo away too (`Lausane` at `1030`):
  //    fix both, with low confidence. Otherwise report without a guess.
  const known = index.knowsTown(townKey(town));
  const elsewhere = known ? undefined : closestTown(town, sameInitial(index, townKey(town)));
  const spelled = elsewhere && index.spellingOf(elsewhere.key);
  const code = spelled ? postcodeForTown(index, spelled, postcode) : undefined;
  if (spelled && code)
    return finding(
      contact,
      'TOWN',
      'town.mismatch',
      'warning',
      message,
      params,
      { TOWN: spelled, ZIPCODE: code.postcode },
      Math.min(0.5, code.confidence),
    );
  return finding(contact, 'TOWN', 'town.mismatch', 'warning', message, params);
}

/** Primary town keys of the country starting with the same letter (bounds the fuzzy search). */
function* sameInitial(index: PostalIndex, key: string): Generator<string> {
  for (const k of index.townKeys()) if (k.charCodeAt(0) === key.charCodeAt(0)) yield k;
}
