import {
  isSupportedCountry,
  parsePhoneNumberFromString,
  type CountryCode,
  type NumberType,
} from 'libphonenumber-js/max';
import type { Contact } from '../../../shared/domain';
import { normalizeCountry } from '../../../shared/reference/countries';
import type { Check, CheckContext, Finding } from './check';
import { finding } from './finding';
import { FindingShape } from './finding-shape';
import { parseDigitsPhone, UNHANDLED } from './phone-fast-parse';
import { PHONE_FINDING_ENCODER, pushPhoneFindingValues } from './phone-finding-values';
import { numberType } from './phone-type';

const PHONE_FIELDS = ['TELEPHONE', 'FAX', 'CELLPHONE'] as const;
type PhoneField = (typeof PHONE_FIELDS)[number];
/** Setting: region assumed when a row has no (readable) COUNTRY. */
export const DEFAULT_COUNTRY_SETTING = 'checks.defaultCountry';

const PLAIN = /^\s*\+?[\d\s./-]+$/;
const SEPARATORS = /[\s./-]/g;
const EXTENSION =
  /[\s,;]*(?:ext\.?|extension|x|poste|int\.?|intern|durchwahl|dw\.?)\s*[:.]?\s*(\d{1,6})\s*$/i;

export interface CleanedPhone {
  /** What is left to parse: digits, a leading +, spaces. */
  number: string;
  extension?: string;
  /** Letters or words were removed (`SVP`, `natel`, `privé`). */
  hadText: boolean;
}

/**
 * Prepares a phone cell for parsing as SecuTix reads it (spec §3.6): `(41)0216132111` forces the
 * country code, `+41 (0)21…` loses its `(0)`, extensions (`ext. 12`, `x12`) are set apart and
 * other text is ignored.
 */
export function cleanPhone(value: string): CleanedPhone {
  // Fast path for the usual cell (digits, spaces, + - . /): nothing to strip but separators.
  if (PLAIN.test(value)) return { number: value.replace(SEPARATORS, ''), hadText: false };
  let v = value.trim();
  let extension: string | undefined;
  const ext = EXTENSION.exec(v);
  if (ext && /\d/.test(v.slice(0, ext.index))) {
    extension = ext[1];
    v = v.slice(0, ext.index);
  }
  v = v.replace(/\(0\)/g, ' ');
  const forced = /^\s*\((\d{1,3})\)\s*0?/.exec(v);
  if (forced) v = `+${forced[1]} ${v.slice(forced[0].length)}`;
  const hadText = /\p{L}/u.test(v);
  v = v
    .replace(/[^\d+]/g, ' ')
    .replace(/(?!^)\+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return { number: v, extension, hadText };
}

const rowRegions = new Map<string, CountryCode | null>();
const MAX_ROW_REGIONS = 20_000;

/**
 * The phone region a COUNTRY cell names (null: none libphonenumber supports). Memoised by cell
 * value: a few hundred spellings repeat over millions of rows, and libphonenumber's
 * `isSupportedCountry` wrapper costs more than the lookup. Cleared when full (bounded memory).
 */
function rowRegion(country: string): CountryCode | null {
  let region = rowRegions.get(country);
  if (region === undefined) {
    const c = normalizeCountry(country)?.code;
    region = c && isSupportedCountry(c) ? c : null;
    if (rowRegions.size >= MAX_ROW_REGIONS) rowRegions.clear();
    rowRegions.set(country, region);
  }
  return region;
}

function regionOf(contact: Contact, ctx: CheckContext): { region: CountryCode; fromRow: boolean } {
  const country = contact.data.COUNTRY;
  const c = country === undefined ? null : rowRegion(country);
  if (c) return { region: c, fromRow: true };
  const d = ctx.settings[DEFAULT_COUNTRY_SETTING];
  return { region: typeof d === 'string' && isSupportedCountry(d) ? d : 'CH', fromRow: false };
}

/** What the check needs from libphonenumber: the E.164 form and the type of a valid number. */
export interface ParsedPhone {
  e164: string;
  type: NumberType;
}

/**
 * Parses and validates a cleaned number. Digits with an optional `+` (nearly every cell) go to the
 * compiled port of libphonenumber's parser (`phone-fast-parse.ts`, same answers, ~1 µs); other
 * shapes go to libphonenumber itself, memoised.
 */
export function parsePhone(cleaned: string, region: CountryCode): ParsedPhone | undefined {
  const fast = parseDigitsPhone(cleaned, region);
  return fast === UNHANDLED ? parseWithLibphonenumberMemo(cleaned, region) : fast;
}

/**
 * The reference reading. The type first (`numberType` = `getType()` with compiled patterns): a
 * defined type implies `isValid()` (which runs the same type patterns), so `isValid()` only runs
 * when the type is undefined.
 */
function parsePhoneWithLibphonenumber(cleaned: string, region: CountryCode): ParsedPhone | undefined {
  // extract: false — the cell was cleaned already; skipping libphonenumber's text search saves ~10%.
  const p = parsePhoneNumberFromString(cleaned, { defaultCountry: region, extract: false });
  if (!p) return undefined;
  const type = numberType(p);
  if (type === undefined && !p.isValid()) return undefined;
  return { e164: p.number as string, type };
}

const parsed = new Map<string, ParsedPhone | null>();
const MAX_PARSED = 20_000;

/**
 * `parsePhoneWithLibphonenumber` memoised by region + cleaned number (a pure function of both):
 * cells with text or spaces left repeat (`021 613 21 11 SVP`). Cleared when full (bounded memory
 * per thread). The fast path is cheaper than the memo's key and lookup, so it is not memoised.
 */
function parseWithLibphonenumberMemo(cleaned: string, region: CountryCode): ParsedPhone | undefined {
  const key = `${region}${cleaned}`;
  let p = parsed.get(key);
  if (p === undefined) {
    if (parsed.size >= MAX_PARSED) parsed.clear();
    p = parsePhoneWithLibphonenumber(cleaned, region) ?? null;
    parsed.set(key, p);
  }
  return p ?? undefined;
}

/**
 * TELEPHONE, FAX, CELLPHONE: parse with libphonenumber (region from the row's COUNTRY, else the
 * workspace default), suggest E.164, move mobiles out of TELEPHONE and flag landlines in CELLPHONE.
 * The exporter writes SecuTix's own `(41)…` form where needed; the field itself holds E.164.
 */
export const phoneCheck: Check = {
  name: 'phone',
  codes: [
    'phone.invalid',
    'phone.junk',
    'phone.format',
    'phone.mobile-in-landline',
    'phone.landline-in-mobile',
  ],
  run: phoneFindings,
  pushValues(contact, ctx, out) {
    for (const f of phoneFindings(contact, ctx)) {
      const { value, e164, extension } = f.params as Record<string, string>;
      if (
        f.code === 'phone.format' &&
        extension === '' &&
        formatShape(f.field as PhoneField, f.confidence).push(out, f.rowId, value!, e164!)
      )
        continue;
      pushPhoneFindingValues(out, f);
    }
  },
};

/** `phone.format` shapes (no extension) per field and confidence: a handful per run. */
const FORMAT_SHAPES = new Map<string, Map<number, FindingShape>>();

function formatShape(field: PhoneField, confidence: number): FindingShape {
  let byConfidence = FORMAT_SHAPES.get(field);
  if (!byConfidence) FORMAT_SHAPES.set(field, (byConfidence = new Map()));
  let shape = byConfidence.get(confidence);
  if (!shape)
    byConfidence.set(
      confidence,
      (shape = new FindingShape(
        (value, e164) => formatFinding({ id: 0 }, field, value, e164, '', confidence),
        PHONE_FINDING_ENCODER,
      )),
    );
  return shape;
}

function phoneFindings(contact: Contact, ctx: CheckContext): Finding[] {
  const out: Finding[] = [];
  let region: ReturnType<typeof regionOf> | undefined;
  for (const field of PHONE_FIELDS) {
    const value = contact.data[field];
    if (value === undefined) continue;
    if (!/\d/.test(value)) {
      out.push(
        finding(
          contact,
          field,
          'phone.junk',
          'warning',
          '"{value}" is not a phone number.',
          { value },
          { [field]: null },
          0.9,
        ),
      );
      continue;
    }
    region ??= regionOf(contact, ctx);
    const cleaned = cleanPhone(value);
    const phone = parsePhone(cleaned.number, region.region);
    if (!phone) {
      out.push(
        finding(
          contact,
          field,
          'phone.invalid',
          'error',
          '"{value}" is not a valid phone number (read as {region}).',
          {
            value,
            region: region.region,
          },
        ),
      );
      continue;
    }
    const regionKnown = region.fromRow || cleaned.number.charCodeAt(0) === 43; /* + */
    const f = typeAndFormat(contact, field, value, phone, cleaned, regionKnown);
    if (f) out.push(f);
  }
  return out;
}

function typeAndFormat(
  contact: Contact,
  field: PhoneField,
  value: string,
  phone: ParsedPhone,
  cleaned: CleanedPhone,
  regionKnown: boolean,
): Finding | undefined {
  const { e164, type } = phone;
  let confidence = regionKnown ? 0.95 : 0.85;
  if (cleaned.extension || cleaned.hadText) confidence -= 0.15;
  const params = { value, e164, extension: cleaned.extension ?? '' };
  if (field === 'TELEPHONE' && type === 'MOBILE' && contact.data.CELLPHONE === undefined)
    return finding(
      contact,
      field,
      'phone.mobile-in-landline',
      'info',
      'Mobile number {e164} is in TELEPHONE: move it to CELLPHONE.',
      params,
      { TELEPHONE: null, CELLPHONE: e164 },
      confidence - 0.05,
    );
  if (field === 'CELLPHONE' && type === 'FIXED_LINE')
    return finding(
      contact,
      field,
      'phone.landline-in-mobile',
      'warning',
      'CELLPHONE holds the landline number {e164}.',
      params,
      contact.data.TELEPHONE === undefined ? { CELLPHONE: null, TELEPHONE: e164 } : undefined,
      confidence - 0.05,
    );
  if (value === e164) return undefined;
  return formatFinding(contact, field, value, e164, params.extension, confidence);
}

/** `phone.format`: write the number as E.164 (the shape of formatShape, which builds it here too). */
function formatFinding(
  contact: Pick<Contact, 'id'>,
  field: PhoneField,
  value: string,
  e164: string,
  extension: string,
  confidence: number,
): Finding {
  const template = extension
    ? 'Write {value} as {e164} (SecuTix has no extension field: extension {extension} is dropped).'
    : 'Write {value} as {e164}.';
  return finding(
    contact,
    field,
    'phone.format',
    'info',
    template,
    { value, e164, extension },
    fieldSuggestion(field, e164),
    confidence,
  );
}

/**
 * `{ [field]: value }` written out per phone field: a literal with a fixed key makes a fast-shape
 * object (a computed key does not), cheaper to build and to serialise ~1 time per row.
 */
function fieldSuggestion(field: PhoneField, value: string): Record<string, string> {
  if (field === 'TELEPHONE') return { TELEPHONE: value };
  if (field === 'CELLPHONE') return { CELLPHONE: value };
  return { FAX: value };
}
