/**
 * The export's phone writer as it was before its regex-free digit scan (kept as the reference the
 * current secutixPhone is compared with, input for input). Its shape cache is its own.
 */
import {
  getCountries,
  getCountryCallingCode,
  parsePhoneNumberFromString,
  type CountryCode,
} from 'libphonenumber-js';
import { isCountryCode } from '../../../shared/reference/countries';

export type PhoneResult = { value: string } | { problem: string; message: string };

/** SecuTix's TELEPHONE/FAX/CELLPHONE limit (spec §3.6). */
const MAX = 15;
const CALLING_CODES = new Set(getCountries().map((c) => getCountryCallingCode(c) as string));

/**
 * How libphonenumber read one "shape" of number: national prefix added in front of the national
 * significant number, and how many leading input digits precede it. A shape (country, first
 * digits, length) always reads the same way, so 1M phones cost a few thousand real parses.
 */
interface Shape {
  ok: boolean;
  callingCode: string;
  /** National prefix written before the significant number (`0` for CH/FR/DE, '' for US/IT). */
  prefix: string;
  /** Input digits before the significant number (national input only: `0` or ''). */
  skip: number;
}

const SHAPE_CACHE_LIMIT = 50_000;
/** Shapes by reference country ('+' for international input), then by numeric shape key. */
const shapes = new Map<string, Map<number, Shape>>();
let cachedShapes = 0;

/**
 * The shape key of `digits`: its first `prefixDigits` digits and its length, as one number (no
 * string to build and hash per phone). Null when it would not fit exactly (absurdly long input).
 */
function shapeKey(digits: string, prefixDigits: number): number | null {
  if (digits.length > 999) return null;
  const prefixLength = Math.min(prefixDigits, digits.length); // as digits.slice(0, prefixDigits)
  let prefix = 0;
  for (let i = 0; i < prefixLength; i++) prefix = prefix * 10 + (digits.charCodeAt(i) - 48);
  // prefixLength ≤ 6 digits: < 10^7 values; × 10 lengths of prefix × 1000 lengths: < 2^53.
  return (prefix * 10 + prefixLength) * 1000 + digits.length;
}

function shapeOf(
  scope: string,
  key: number | null,
  parseInput: string,
  ref: CountryCode | undefined,
  digits: string,
): Shape {
  let inScope = shapes.get(scope);
  let s = key === null ? undefined : inScope?.get(key);
  if (s) return s;
  const parsed = parsePhoneNumberFromString(parseInput, ref);
  if (!parsed || !parsed.isPossible()) s = { ok: false, callingCode: '', prefix: '', skip: 0 };
  else {
    const nsn = parsed.nationalNumber as string;
    const national = parsed.formatNational().replace(/\D/g, '');
    const prefix = national.endsWith(nsn) ? national.slice(0, national.length - nsn.length) : '';
    const at = digits.lastIndexOf(nsn);
    s = { ok: true, callingCode: parsed.countryCallingCode as string, prefix, skip: at < 0 ? 0 : at };
  }
  if (key === null) return s;
  if (cachedShapes >= SHAPE_CACHE_LIMIT) {
    shapes.clear();
    cachedShapes = 0;
    inScope = undefined;
  }
  if (!inScope) shapes.set(scope, (inScope = new Map()));
  inScope.set(key, s);
  cachedShapes++;
  return s;
}

const countryCallingCodes = new Map<CountryCode, string>();

/** getCountryCallingCode builds a metadata object on every call: keep one answer per country. */
function callingCodeOfCountry(country: CountryCode): string {
  let cc = countryCallingCodes.get(country);
  if (cc === undefined) countryCallingCodes.set(country, (cc = getCountryCallingCode(country) as string));
  return cc;
}

function callingCodeOf(international: string): string | undefined {
  for (let n = 1; n <= 3; n++)
    if (CALLING_CODES.has(international.slice(0, n))) return international.slice(0, n);
  return undefined;
}

/**
 * Writes a phone in the form SecuTix reads unambiguously (spec §3.6). SecuTix parses a phone
 * against the address country (else the institution's), ignores a `+41`/`0041` prefix when that
 * country differs, but honours `(41)` at the start. So:
 * - same calling code as the reference country → national digits (`0216132111`);
 * - another country → `(CC)` + national digits (`(41)0216132111`); when that exceeds SecuTix's 15
 *   characters, the national prefix is left out (`(49)15125080247`), as SecuTix adds it itself (§3.6 example);
 * - no reference country known and no international prefix → left as is (SecuTix applies the
 *   institution's country, which is what the source meant).
 */
export function referenceSecutixPhone(raw: string, referenceCountry: string | undefined): PhoneResult {
  const input = raw.trim();
  const ref =
    referenceCountry && isCountryCode(referenceCountry) ? (referenceCountry as CountryCode) : undefined;
  const forced = /^\((\d{1,4})\)/.exec(input);
  const body = forced ? input.slice(forced[0].length) : input;
  let digits = body.replace(/\D/g, '');
  let international = forced !== null || /^\s*\+/.test(input);
  if (forced) digits = forced[1] + digits.replace(/^0/, '');
  else if (!international && digits.startsWith('00')) {
    international = true;
    digits = digits.slice(2);
  }
  if (!international && !ref) return { value: input };
  const bad = {
    problem: 'bad-phone',
    message: `"${raw}" is not a possible phone number; SecuTix could misread it.`,
  };
  if (digits.length < 4) return bad;
  let s: Shape;
  let nsnDigits: string;
  if (international) {
    const cc = callingCodeOf(digits);
    if (!cc) return bad;
    s = shapeOf('+', shapeKey(digits, cc.length + 3), `+${digits}`, undefined, digits.slice(cc.length));
    nsnDigits = digits.slice(cc.length);
  } else {
    s = shapeOf(ref!, shapeKey(digits, 4), digits, ref, digits);
    nsnDigits = digits;
  }
  if (!s.ok) return bad;
  const nsn = nsnDigits.slice(s.skip);
  if (ref && callingCodeOfCountry(ref) === s.callingCode) return { value: s.prefix + nsn };
  const full = `(${s.callingCode})${s.prefix}${nsn}`;
  return { value: full.length > MAX ? `(${s.callingCode})${nsn}` : full };
}
