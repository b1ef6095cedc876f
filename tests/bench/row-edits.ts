/**
 * Edits that turn a rendered row into a near-duplicate of the same person (`DUPLICATE_EDITS`) or
 * into a dirty row (`DIRT_EDITS`). An edit returns false when it does not apply to the row (no
 * accent to lose, no nickname known …) so the caller draws another one.
 */
import { NICKNAMES } from './name-pools';
import { formatDate, type ContactRow, type Person, type RowStyle } from './contact-record';
import { formatPhone, type PhoneStyle } from './contact-pools';
import { placePools } from './postal-pools';
import type { Prng } from './prng';
import { abbreviateStreet, emailTypo, foldAccents, hasNonAscii, mojibake, typo } from './text-edits';

type RowEdit = (rng: Prng, row: ContactRow, person: Person, style: RowStyle) => boolean;

const PHONE_STYLES: PhoneStyle[] = ['national', 'international', 'compact', 'e164', 'double-zero', 'slash'];

export const DUPLICATE_EDITS: Record<string, RowEdit> = {
  'typo-last': (rng, row) => {
    row.Nachname = typo(rng, row.Nachname);
    return true;
  },
  'typo-first': (rng, row) => {
    row.Vorname = typo(rng, row.Vorname);
    return true;
  },
  'accent-loss': (rng, row) => {
    const fields = (['Nachname', 'Vorname', 'Ort', 'Strasse'] as const).filter((f) => hasNonAscii(row[f]));
    if (fields.length === 0) return false;
    const german = rng.chance(0.5);
    for (const f of fields) row[f] = foldAccents(row[f], german);
    return true;
  },
  nickname: (rng, row) => {
    const forms = NICKNAMES[row.Vorname];
    if (!forms) return false;
    row.Vorname = rng.pick(forms);
    return true;
  },
  'swap-names': (_rng, row) => {
    [row.Vorname, row.Nachname] = [row.Nachname, row.Vorname];
    return true;
  },
  'missing-email': (_rng, row) => {
    if (row['E-Mail'] === '') return false;
    row['E-Mail'] = '';
    return true;
  },
  'missing-phone': (rng, row) => {
    const field = row.Natel !== '' && (row.Telefon === '' || rng.chance(0.5)) ? 'Natel' : 'Telefon';
    if (row[field] === '') return false;
    row[field] = '';
    return true;
  },
  'phone-format': (rng, row, person, style) => {
    if (!person.phone && !person.mobile) return false;
    const other = rng.pick(PHONE_STYLES.filter((s) => s !== style.phone));
    if (person.phone && row.Telefon !== '') row.Telefon = formatPhone(person.phone, other);
    if (person.mobile && row.Natel !== '') row.Natel = formatPhone(person.mobile, other);
    return true;
  },
  'postcode-in-town': (_rng, row) => {
    if (row.PLZ === '') return false;
    row.Ort = `${row.PLZ} ${row.Ort}`;
    row.PLZ = '';
    return true;
  },
  'case-change': (rng, row) => {
    const f = rng.chance(0.7) ? (s: string) => s.toUpperCase() : (s: string) => s.toLowerCase();
    row.Nachname = f(row.Nachname);
    if (rng.chance(0.5)) row.Vorname = f(row.Vorname);
    return true;
  },
  'date-swap': (_rng, row, person, style) => {
    const b = person.birth;
    if (!b || b.day > 12 || b.day === b.month || row.Geburtsdatum === '') return false;
    row.Geburtsdatum = formatDate({ day: b.month, month: b.day, year: b.year }, style.date);
    return true;
  },
  'street-abbreviation': (_rng, row) => {
    const short = abbreviateStreet(row.Strasse);
    if (short === undefined) return false;
    row.Strasse = short;
    return true;
  },
};

const INVALID_DATES = [
  '31.02.1985',
  '00.00.0000',
  '1985-13-45',
  '32.01.1970',
  'unbekannt',
  '19.07.19855',
  '?',
  '01.01.1900',
];

export const DIRT_EDITS: Record<string, RowEdit> = {
  mojibake: (_rng, row) => {
    const fields = (['Ort', 'Strasse', 'Nachname', 'Vorname'] as const).filter((f) => hasNonAscii(row[f]));
    if (fields.length === 0) return false;
    for (const f of fields) row[f] = mojibake(row[f]);
    return true;
  },
  'email-typo': (rng, row) => {
    if (row['E-Mail'] === '') return false;
    row['E-Mail'] = emailTypo(rng, row['E-Mail']);
    return true;
  },
  'upper-case': (_rng, row) => {
    row.Vorname = row.Vorname.toUpperCase();
    row.Nachname = row.Nachname.toUpperCase();
    row.Ort = row.Ort.toUpperCase();
    return true;
  },
  'extra-spaces': (rng, row) => {
    const f = rng.pick(['Vorname', 'Nachname', 'Strasse', 'Ort'] as const);
    row[f] = rng.pick([` ${row[f]}`, `${row[f]} `, `  ${row[f]}  `, row[f].replace(' ', '  ')]);
    return true;
  },
  'missing-country': (_rng, row) => {
    row.Land = '';
    return true;
  },
  'invalid-date': (rng, row) => {
    row.Geburtsdatum = rng.pick(INVALID_DATES);
    return true;
  },
  'invalid-phone': (rng, row) => {
    const field = row.Natel !== '' ? 'Natel' : 'Telefon';
    row[field] = rng.pick(['079 123 45', 'keine', 'n/a', '12345', '+41 79 123 45 67 89', '0']);
    return true;
  },
  'wrong-postcode': (rng, row, person) => {
    // A postcode of another town of the same country: a mismatch a postcode check must flag.
    const pools = placePools()[person.place.country];
    const other = rng.pick(pools.others);
    if (other.town === person.place.town || other.postcode === person.place.postcode) return false;
    if (person.place.country === 'GB') return false;
    row.PLZ = other.postcode;
    return true;
  },
};

/**
 * Applies `count` distinct edits drawn at random from `edits` (fewer only when not enough apply to
 * this row); returns the names applied.
 */
export function applyEdits(
  rng: Prng,
  edits: Record<string, RowEdit>,
  count: number,
  row: ContactRow,
  person: Person,
  style: RowStyle,
): string[] {
  const names = Object.keys(edits);
  const applied: string[] = [];
  // Draw without replacement (partial Fisher-Yates) so an inapplicable edit is never retried.
  for (let i = 0; i < names.length && applied.length < count; i++) {
    const j = rng.int(i, names.length - 1);
    [names[i], names[j]] = [names[j]!, names[i]!];
    if (edits[names[i]!]!(rng, row, person, style)) applied.push(names[i]!);
  }
  return applied;
}
