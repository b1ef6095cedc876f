/**
 * A generated person (the truth) and how one export row renders it. Several rows may render the
 * same person (near-duplicates); each rendering picks its own formatting, like records typed at
 * different times or exported from different systems.
 */
import {
  COUNTRY_SPELLINGS,
  EMAIL_DOMAINS,
  LANGUAGE_SPELLINGS,
  REMARKS,
  SALUTATIONS,
  companyName,
  formatPhone,
  phoneNumber,
  streetLine,
  type Phone,
  type PhoneStyle,
} from './contact-pools';
import { NAME_POOLS, longTailLastNames, type Culture } from './name-pools';
import { placePools, type CountryCode, type Place } from './postal-pools';
import type { Prng } from './prng';
import { foldAccents } from './text-edits';

export const CONTACT_COLUMNS = [
  'id',
  'Kundennr',
  'Anrede',
  'Vorname',
  'Nachname',
  'Firma',
  'Strasse',
  'PLZ',
  'Ort',
  'Land',
  'Telefon',
  'Natel',
  'E-Mail',
  'Geburtsdatum',
  'Sprache',
  'Bemerkung',
  'entity_id',
] as const;
export type ContactColumn = (typeof CONTACT_COLUMNS)[number];
export type ContactRow = Record<ContactColumn, string>;

export interface BirthDate {
  day: number;
  month: number;
  year: number;
}

export interface Person {
  entityId: string;
  culture: Culture;
  gender: 'male' | 'female';
  first: string;
  last: string;
  company: string;
  street: string;
  place: Place;
  /** Town as this person writes it (French La Poste labels are upper case; most people write `Annecy`). */
  town: string;
  /** Full postcode as written (GB: outward + inward). */
  postcode: string;
  birth?: BirthDate;
  phone?: Phone;
  mobile?: Phone;
  email: string;
  remark: string;
}

const COUNTRY_WEIGHTS: Record<CountryCode, number> = { CH: 70, FR: 9, DE: 8, AT: 3, IT: 5, GB: 5 };
const FOREIGN_CULTURES: Culture[] = ['de', 'fr', 'it', 'en'];
const GB_INWARD_LETTERS = [...'ABDEFGHJLNPQRSTUWXYZ'];

/** Picks from a list favouring its head (common names first), roughly Zipf-like. */
function pickCommon<T>(rng: Prng, items: readonly T[]): T {
  return items[Math.floor(items.length * rng.next() ** 1.3)]!;
}

/** Share of surnames drawn from the long tail instead of the culture's common names. */
const LONG_TAIL_SURNAMES = 0.35;
/** Share of people living in a large town (of the countries that list them). */
const CITY_SHARE = 0.25;

function lastName(rng: Prng, culture: Culture): string {
  return rng.chance(LONG_TAIL_SURNAMES)
    ? rng.pick(longTailLastNames())
    : pickCommon(rng, NAME_POOLS[culture].last);
}

const titleCase = (s: string): string => s.toLowerCase().replace(/(^|[\s-])\p{L}/gu, (m) => m.toUpperCase());

function daysInMonth(month: number, year: number): number {
  if (month !== 2) return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
  return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
}

const emailWord = (s: string, german: boolean): string =>
  foldAccents(s, german)
    .toLowerCase()
    .replace(/[^a-z0-9-]/g, '');

function emailFor(rng: Prng, first: string, last: string, country: CountryCode, birth?: BirthDate): string {
  const german = rng.chance(0.5);
  const f = emailWord(first, german);
  const l = emailWord(last.split('-')[0]!, german);
  const local = rng.pick([`${f}.${l}`, `${f}.${l}`, `${f[0]}${l}`, `${f}_${l}`, `${l}.${f}`, `${f}${l}`]);
  const suffix = rng.chance(0.55)
    ? rng.chance(0.5) && birth
      ? String(birth.year).slice(rng.chance(0.5) ? 2 : 0)
      : String(rng.int(1, 99))
    : '';
  return `${local}${suffix}@${rng.pick(EMAIL_DOMAINS[country])}`;
}

export function makePerson(rng: Prng, entityId: string): Person {
  const country = rng.weighted(COUNTRY_WEIGHTS);
  const pools = placePools()[country];
  const place =
    pools.cities.length > 0 && rng.chance(CITY_SHARE) ? rng.pick(pools.cities) : rng.pick(pools.others);
  const culture: Culture = rng.chance(0.1) ? rng.pick(FOREIGN_CULTURES) : place.language;
  const gender = rng.chance(0.5) ? 'male' : 'female';
  const names = NAME_POOLS[culture];
  const first = pickCommon(rng, names[gender]);
  let last = lastName(rng, culture);
  if (gender === 'female' && culture === 'de' && rng.chance(0.06)) last += `-${pickCommon(rng, names.last)}`;
  let postcode = place.postcode;
  if (country === 'GB') {
    postcode += ` ${rng.int(1, 9)}${rng.pick(GB_INWARD_LETTERS)}${rng.pick(GB_INWARD_LETTERS)}`;
  }
  let birth: BirthDate | undefined;
  if (rng.chance(0.65)) {
    const year = rng.int(1935, 2008);
    const month = rng.int(1, 12);
    birth = { day: rng.int(1, daysInMonth(month, year)), month, year };
  }
  return {
    entityId,
    culture,
    gender,
    first,
    last,
    company: rng.chance(0.12) ? companyName(rng, culture, last, place.town) : '',
    street: streetLine(rng, country, place.language),
    place,
    town: country === 'FR' && rng.chance(0.6) ? titleCase(place.town) : place.town,
    postcode,
    birth,
    phone: rng.chance(0.45) ? phoneNumber(rng, country, 'fixed') : undefined,
    mobile: rng.chance(0.75) ? phoneNumber(rng, country, 'mobile') : undefined,
    email: rng.chance(0.8) ? emailFor(rng, first, last, country, birth) : '',
    remark: rng.chance(0.1) ? rng.pick(REMARKS) : '',
  };
}

export type DateStyle = 'dd.mm.yyyy' | 'yyyy-mm-dd' | 'd.m.yyyy' | 'dd/mm/yyyy' | 'dd.mm.yy';

export function formatDate(b: BirthDate, style: DateStyle): string {
  const dd = String(b.day).padStart(2, '0');
  const mm = String(b.month).padStart(2, '0');
  switch (style) {
    case 'dd.mm.yyyy':
      return `${dd}.${mm}.${b.year}`;
    case 'yyyy-mm-dd':
      return `${b.year}-${mm}-${dd}`;
    case 'd.m.yyyy':
      return `${b.day}.${b.month}.${b.year}`;
    case 'dd/mm/yyyy':
      return `${dd}/${mm}/${b.year}`;
    case 'dd.mm.yy':
      return `${dd}.${mm}.${String(b.year).slice(2)}`;
  }
}

/** Formatting choices of one row (kept so edits can re-render a field in the same style). */
export interface RowStyle {
  date: DateStyle;
  phone: PhoneStyle;
}

const DATE_STYLE_WEIGHTS: Record<DateStyle, number> = {
  'dd.mm.yyyy': 80,
  'yyyy-mm-dd': 7,
  'd.m.yyyy': 5,
  'dd/mm/yyyy': 5,
  'dd.mm.yy': 3,
};
const PHONE_STYLE_WEIGHTS: Record<PhoneStyle, number> = {
  national: 55,
  international: 20,
  compact: 10,
  e164: 8,
  'double-zero': 4,
  slash: 3,
};

export function pickStyle(rng: Prng, country: CountryCode): RowStyle {
  const date: DateStyle =
    country === 'GB' ? (rng.chance(0.8) ? 'dd/mm/yyyy' : 'yyyy-mm-dd') : rng.weighted(DATE_STYLE_WEIGHTS);
  return { date, phone: rng.weighted(PHONE_STYLE_WEIGHTS) };
}

/** One export row for `person`. `id` is the row's unique record id, `customerNo` its Kundennr. */
export function renderRow(
  rng: Prng,
  person: Person,
  id: number,
  customerNo: number,
  style: RowStyle,
): ContactRow {
  const country = person.place.country;
  return {
    id: String(id),
    Kundennr: String(customerNo).padStart(7, '0'),
    Anrede: rng.chance(0.05) ? '' : rng.pick(SALUTATIONS[person.culture][person.gender]),
    Vorname: person.first,
    Nachname: person.last,
    Firma: person.company,
    Strasse: person.street,
    PLZ: person.postcode,
    Ort: person.town,
    Land: pickCommon(rng, COUNTRY_SPELLINGS[country]),
    Telefon: person.phone ? formatPhone(person.phone, style.phone) : '',
    Natel: person.mobile ? formatPhone(person.mobile, style.phone) : '',
    'E-Mail': person.email,
    Geburtsdatum: person.birth ? formatDate(person.birth, style.date) : '',
    Sprache: rng.chance(0.04) ? '' : pickCommon(rng, LANGUAGE_SPELLINGS[person.culture]),
    Bemerkung: person.remark,
    entity_id: person.entityId,
  };
}
