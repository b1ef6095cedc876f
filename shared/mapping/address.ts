/** Splitting address cells: postcode + town, street + house number (pure). */

/** Postal country prefixes seen in `CH-1003`, `D-80331`, `L-4906` (CEPT codes) → ISO alpha-2. */
const POSTAL_PREFIX: Record<string, string> = {
  CH: 'CH',
  D: 'DE',
  DE: 'DE',
  F: 'FR',
  FR: 'FR',
  I: 'IT',
  IT: 'IT',
  A: 'AT',
  AT: 'AT',
  L: 'LU',
  LU: 'LU',
  B: 'BE',
  BE: 'BE',
  FL: 'LI',
  LI: 'LI',
  NL: 'NL',
  E: 'ES',
  ES: 'ES',
  P: 'PT',
  PT: 'PT',
  GB: 'GB',
  UK: 'GB',
  S: 'SE',
  SE: 'SE',
  DK: 'DK',
  N: 'NO',
  NO: 'NO',
  PL: 'PL',
  CZ: 'CZ',
  MC: 'MC',
};

export interface PostcodeTown {
  postcode: string;
  town: string;
  /** ISO country from a postal prefix (`CH-`), when present and known. */
  country: string;
}

// Prefix with a dash (`CH-1003`, `l-4906`) or, upper case only, a space (`CH 1003`).
const POSTCODE_FIRST = /^(?:([A-Za-z]{1,2})\s*-\s*|([A-Z]{1,2})\s+)?(\d{3,5}|\d{3} \d{2})\s*[,]?\s+(\S.*)$/;
const TOWN_FIRST = /^(\S.*?)[\s,]+(?:([A-Za-z]{1,2})\s*-\s*)?(\d{4,5})$/;

/**
 * `1003 Lausanne`, `CH-1003 Lausanne`, `L-4906 Bascharage`, `75008 Paris`, `Paris 75008`.
 * Returns null when no postcode can be told apart from the town.
 */
export function splitPostcodeTown(value: string): PostcodeTown | null {
  const v = value.replace(/\s+/g, ' ').trim();
  let m = POSTCODE_FIRST.exec(v);
  if (m) {
    const prefix = (m[1] ?? m[2])?.toUpperCase();
    if (prefix && !POSTAL_PREFIX[prefix]) return null;
    return { postcode: m[3]!, town: m[4]!.trim(), country: prefix ? POSTAL_PREFIX[prefix]! : '' };
  }
  m = TOWN_FIRST.exec(v);
  if (m) {
    const prefix = m[2]?.toUpperCase();
    if (prefix && !POSTAL_PREFIX[prefix]) return null;
    return { postcode: m[3]!, town: m[1]!.trim(), country: prefix ? POSTAL_PREFIX[prefix]! : '' };
  }
  return null;
}

export interface StreetNumber {
  street: string;
  number: string;
  /** Where the number stood in the source: `Rue du Lac 12` (after) or `12 rue du Lac` (before). */
  position: 'after' | 'before' | 'none';
}

const NUMBER = String.raw`\d+(?:\s?[a-zA-Z](?![a-zA-Z]))?(?:\s?(?:bis|ter))?(?:\s?[-/]\s?\d+[a-zA-Z]?)?`;
const NUMBER_AFTER = new RegExp(String.raw`^(.*?\D)[\s,]+(${NUMBER})$`);
const NUMBER_BEFORE = new RegExp(String.raw`^(${NUMBER})(?:\s*,\s*|\s+)(\D.*)$`);

/** `Bahnhofstrasse 12a` → Bahnhofstrasse / 12a; `12, rue du Lac` → rue du Lac / 12; `Postfach` → no number. */
export function splitStreetNumber(value: string): StreetNumber {
  const v = value.replace(/\s+/g, ' ').trim();
  let m = NUMBER_AFTER.exec(v);
  if (m) return { street: m[1]!.replace(/,$/, '').trim(), number: m[2]!, position: 'after' };
  m = NUMBER_BEFORE.exec(v);
  if (m) return { street: m[2]!.trim(), number: m[1]!, position: 'before' };
  return { street: v, number: '', position: 'none' };
}
