import type { Contact } from '../../../shared/domain';
import {
  TOWN_CHECK_COUNTRIES,
  officialSpelling,
  referenceKey,
  rowCountry,
  splitPostcodeTown,
} from './address-reference';
import { postalOf, sharedPostal } from '../reference';
import { townKey } from '../reference/town-key';
import { readPostcode } from './postcode-formats';
import type { Check, CheckContext, Finding } from './check';
import { finding } from './finding';
import { memo2 } from './memo';
import { isSingleCase } from './name-case';
import {
  fixNumberSpacing,
  isJunkLine,
  isPoBox,
  properCaseStreet,
  reorderNumber,
  splitPoBox,
} from './street-format';

const LINES = ['LINE1', 'LINE2', 'LINE3'] as const;

/**
 * Address lines (LINE1..LINE3, Text 100 each; no separate house-number column in SecuTix):
 * placeholder lines, a number glued to the street, ALL-CAPS lines, the number on the wrong side
 * for the country, PO boxes sharing the street's line or printed above it, and postcode + town
 * typed into an address line (`Bahnhofstrasse 1, 8001 Zürich`).
 */
export const streetCheck: Check = {
  name: 'street',
  codes: [
    'street.junk',
    'street.contains-town',
    'street.format',
    'street.number-order',
    'street.po-box-placement',
  ],
  load: sharedPostal,
  run(contact: Contact, ctx: CheckContext): Finding[] {
    const out: Finding[] = [];
    const country = rowCountry(contact, ctx.settings);
    const readings: Array<LineReading | undefined> = [undefined, undefined, undefined];
    for (const [i, field] of LINES.entries()) {
      const value = contact.data[field]?.trim();
      if (!value) continue;
      const line = (readings[i] = readLine(country, value));
      if (line.junk) {
        out.push(
          finding(
            contact,
            field,
            'street.junk',
            'warning',
            'Address line "{value}" is a placeholder, not an address.',
            { value },
            { [field]: null },
            0.8,
          ),
        );
        continue;
      }
      const moved = townInLine(contact, ctx, field, value, country);
      if (moved) {
        out.push(moved);
        continue;
      }
      const { formatted, reordered } = line;
      if (formatted !== value)
        out.push(
          finding(
            contact,
            field,
            'street.format',
            'info',
            'Address line "{value}" should be written "{suggested}".',
            { value, suggested: formatted },
            { [field]: formatted },
            0.85,
          ),
        );
      if (reordered)
        out.push(
          finding(
            contact,
            field,
            'street.number-order',
            'info',
            'In {country} the house number goes on the other side: "{suggested}".',
            { value, suggested: reordered, country: country! },
            { [field]: reordered },
            0.6,
          ),
        );
    }
    const box = poBoxPlacement(contact, readings);
    if (box) out.push(box);
    return out;
  },
};

/** What a line's findings depend on besides the row: pure in the (trimmed) line and the country. */
interface LineReading {
  junk: boolean;
  formatted: string;
  reordered: string | undefined;
  /** Street and PO box written in this one line (pure in the line alone). */
  poBox: { street: string; box: string } | undefined;
}

/**
 * The line's reading, cached per country and value: street lines repeat (same street, same
 * number) and their regex work costs more than a lookup. Bounded per thread, cleared when full.
 */
const readLine = memo2((country: string | undefined, value: string): LineReading => {
  const junk = isJunkLine(value);
  const formatted = junk ? value : format(value);
  return {
    junk,
    formatted,
    reordered: !junk && country ? reorderNumber(formatted, country) : undefined,
    poBox: splitPoBox(value),
  };
});

function format(value: string): string {
  const spaced = fixNumberSpacing(value.replace(/\s+/g, ' '));
  return isSingleCase(spaced) && /\p{L}{4,}/u.test(spaced) ? properCaseStreet(spaced) : spaced;
}

/**
 * The street goes above the PO box (`Bahnhofstrasse 1` / `Postfach 123`): a PO box in LINE1 with
 * the street in LINE2 is swapped, and `street, Postfach 12` in one line is split to a free line.
 */
function poBoxPlacement(
  contact: Contact,
  readings: ReadonlyArray<LineReading | undefined>,
): Finding | undefined {
  const [l1, l2, l3] = LINES.map((f) => contact.data[f]?.trim() || undefined);
  if (l1 && l2 && isPoBox(l1) && !isPoBox(l2) && /\d/.test(l2) && !l3)
    return finding(
      contact,
      'LINE1',
      'street.po-box-placement',
      'info',
      'The PO box "{box}" should come after the street "{street}".',
      { box: l1, street: l2 },
      { LINE1: l2, LINE2: l1 },
      0.7,
    );
  for (const [i, field] of LINES.entries()) {
    const value = [l1, l2, l3][i];
    // The line's reading holds its PO-box split (read once per distinct line).
    const split = value ? readings[i]!.poBox : undefined;
    if (!split) continue;
    const free = LINES.slice(i + 1).find((f) => !contact.data[f]?.trim());
    if (!free) return undefined;
    return finding(
      contact,
      field,
      'street.po-box-placement',
      'info',
      'Street and PO box in one line: "{value}".',
      { value: value!, box: split.box, street: split.street },
      { [field]: split.street, [free]: split.box },
      0.8,
    );
  }
  return undefined;
}

/**
 * `Bahnhofstrasse 1, 8001 Zürich` or a line that is only `1003 Lausanne`: the postcode and town
 * belong in ZIPCODE/TOWN. Without a comma the pair must be known to the reference, so a house
 * number followed by a word is never taken for a postcode.
 */
function townInLine(
  contact: Contact,
  ctx: CheckContext,
  field: string,
  value: string,
  country?: string,
): Finding | undefined {
  // Fast exit: no 4-digit run, no postcode of the supported formats (house numbers are shorter).
  if (!country || !/\d{4}/.test(value)) return undefined;
  const comma = value.lastIndexOf(',');
  // [postcode+town part, rest of the line, found without a separator]
  const candidates: [string, string, boolean][] = [[value, '', false]];
  if (comma > 0) candidates.push([value.slice(comma + 1), value.slice(0, comma), false]);
  const m = /^(.*?\p{L}.*?)\s+((?:[A-Z]{1,3}-)?\d{4,5}\s+\p{L}.*)$/u.exec(value);
  if (m && /\d/.test(m[1]!)) candidates.push([m[2]!, m[1]!, true]);
  const index = TOWN_CHECK_COUNTRIES.has(country) ? postalOf(ctx.resources.street).get(country) : undefined;
  for (const [tail, head, bare] of candidates) {
    const split = splitPostcodeTown(country, tail);
    if (!split) continue;
    const known = index?.matchTown(referenceKey(country, split.postcode), split.town);
    // Trust the reference where there is one; elsewhere only a comma or a whole line.
    if (!known && (index || bare)) continue;
    const town = officialSpelling(index, country, split.postcode, split.town);
    const zip = contact.data.ZIPCODE?.trim();
    const current = contact.data.TOWN?.trim();
    if (
      (zip && readPostcode(country, zip)?.value !== split.postcode) ||
      (current && townKey(current) !== townKey(split.town))
    )
      return undefined;
    const suggestion: Record<string, string | null> = { [field]: head.trim().replace(/[,;]$/, '') || null };
    if (!zip) suggestion.ZIPCODE = split.postcode;
    if (!current) suggestion.TOWN = town;
    return finding(
      contact,
      field,
      'street.contains-town',
      'warning',
      'Postcode and town typed into the address line: "{value}".',
      { value },
      suggestion,
      known ? 0.9 : 0.7,
    );
  }
  return undefined;
}
