import type { NumberType } from 'libphonenumber-js/max';
import { callingCodeInfo, planOf, type CompiledPlan } from './phone-plan';
import { typeInPlan } from './phone-type';

/**
 * `parsePhoneNumberFromString(number, { defaultCountry, extract: false })` + `getType()` +
 * `isValid()` for the usual cleaned cell — digits with an optional leading `+` — on compiled
 * numbering plans. A port of libphonenumber-js 1.13 `parse.js` and its helpers (`stripIddPrefix`,
 * `extractCountryCallingCode[FromInternationalNumberWithoutPlusSign]`, `extractNationalNumber`,
 * `getCountryByCallingCode`, `checkNumberLength`), restricted to that shape: no punctuation, so no
 * extension, RFC 3966 or non-ASCII digit handling is needed. Anything else is `UNHANDLED` and goes
 * to libphonenumber. `tests/unit/checks/phone-fast-parse.test.ts` compares both on every country.
 * libphonenumber-js is MIT-licensed (© 2016 @catamphetamine); its licence ships with the
 * package in node_modules/libphonenumber-js/LICENSE.
 */

export interface FastParsedPhone {
  e164: string;
  type: NumberType;
}

/** The input is not digits with an optional leading `+`: ask libphonenumber. */
export const UNHANDLED = Symbol('unhandled');

const DIGITS_WITH_OPTIONAL_PLUS = /^\+?\d+$/;
/** parse.js: longer text is rejected before parsing (we leave that to the library). */
const MAX_INPUT_LENGTH = 250;
const MIN_LENGTH_FOR_NSN = 2;
const MAX_LENGTH_FOR_NSN = 17;
const MAX_LENGTH_COUNTRY_CODE = 3;

/**
 * The parsed and validated number (`undefined`: not a valid number, as libphonenumber reads it),
 * or `UNHANDLED`. `region` must be a supported country.
 */
export function parseDigitsPhone(
  cleaned: string,
  region: string,
): FastParsedPhone | undefined | typeof UNHANDLED {
  if (cleaned.length > MAX_INPUT_LENGTH || !DIGITS_WITH_OPTIONAL_PLUS.test(cleaned)) return UNHANDLED;
  const plus = cleaned.charCodeAt(0) === 43; /* + */
  const digits = plus ? cleaned.slice(1) : cleaned;
  // isViablePhoneNumber: two digits alone, or at least three (after an optional +).
  if (digits.length < 3 && (plus || digits.length < MIN_LENGTH_FOR_NSN)) return undefined;

  const home = planOf(region);
  let international = plus ? digits : stripIddPrefix(digits, home);
  let callingCode: string;
  let country: string | undefined;
  let plan: CompiledPlan;
  let rest: string;
  if (international !== undefined) {
    // extractCountryCallingCode: calling codes never start with 0 and none is a prefix of another.
    if (international.charCodeAt(0) === 48 /* 0 */) return undefined;
    let found: string | undefined;
    for (let i = 1; i <= MAX_LENGTH_COUNTRY_CODE && i <= international.length; i++) {
      const code = international.slice(0, i);
      if (callingCodeInfo(code)) {
        found = code;
        break;
      }
    }
    if (found === undefined) return undefined;
    callingCode = found;
    plan = planOf(found);
    rest = international.slice(found.length);
  } else {
    international = withoutCallingCodeOrUndefined(digits, home);
    if (international !== undefined) {
      // A national-looking number that starts with the region's calling code (`41791234567`).
      callingCode = home.callingCode;
      plan = planOf(callingCode);
      rest = international;
    } else {
      callingCode = home.callingCode;
      country = region;
      plan = home;
      rest = digits;
    }
  }
  if (rest === '') return undefined;

  const nationalNumber = extractNationalNumber(rest, plan);
  const exact = countryOfPlan(plan, nationalNumber);
  if (exact !== undefined) country = exact;
  if (nationalNumber.length < MIN_LENGTH_FOR_NSN || nationalNumber.length > MAX_LENGTH_FOR_NSN)
    return undefined;

  // isValid(): the type is defined, or (for a plan without types) the national pattern matches.
  const numberPlan = planOf(country ?? callingCode);
  const type = typeInPlan(numberPlan, nationalNumber);
  if (type === undefined && (numberPlan.hasTypes || !numberPlan.national.test(nationalNumber)))
    return undefined;
  return { e164: `+${callingCode}${nationalNumber}`, type };
}

/** stripIddPrefix: the digits after the region's international prefix (`00`), if they may be a calling code. */
function stripIddPrefix(digits: string, home: CompiledPlan): string | undefined {
  const idd = home.idd?.exec(digits);
  if (!idd || idd[0] === '') return undefined;
  const after = digits.slice(idd[0].length);
  // Nothing left, or a 0 (no calling code starts with 0): the library reads the number as national.
  if (after === '' || after.charCodeAt(0) === 48) return undefined;
  return after;
}

/**
 * extractCountryCallingCodeFromInternationalNumberWithoutPlusSign: the number without the region's
 * calling code when it starts with it and reads better without it (valid only without it, or too long).
 */
function withoutCallingCodeOrUndefined(digits: string, home: CompiledPlan): string | undefined {
  const code = home.callingCode;
  if (!digits.startsWith(code)) return undefined;
  const shorter = digits.slice(code.length);
  const shorterNational = extractNationalNumber(shorter, home);
  const national = extractNationalNumber(digits, home);
  if (
    (!home.national.test(national) && home.national.test(shorterNational)) ||
    checkLength(national, home) === 'TOO_LONG'
  )
    return shorter;
  return undefined;
}

/** extractNationalNumber: strips the national prefix (trunk `0`…) unless the result reads worse. */
function extractNationalNumber(number: string, plan: CompiledPlan): string {
  const national = stripNationalPrefix(number, plan);
  if (national === number) return number;
  // shouldHaveExtractedNationalPrefix
  if (plan.national.test(number) && !plan.national.test(national)) return number;
  if (plan.possibleLengths) {
    const country = countryOfPlan(plan, national);
    const length = checkLength(national, country === undefined ? plan : planOf(country));
    if (length === 'TOO_SHORT' || length === 'INVALID_LENGTH') return number;
  }
  return national;
}

/** extractNationalNumberFromPossiblyIncompleteNumber (the carrier code is not needed here). */
function stripNationalPrefix(number: string, plan: CompiledPlan): string {
  const pattern = plan.prefixForParsing;
  if (!number || !pattern) return number;
  const match = pattern.exec(number);
  if (!match) return number;
  const groups = match.length - 1;
  const hasCapturedGroups = groups > 0 && Boolean(match[groups]);
  if (plan.prefixTransformRule && hasCapturedGroups) return number.replace(pattern, plan.prefixTransformRule);
  return number.slice(match[0].length);
}

/**
 * getCountryByCallingCode + getCountryByNationalNumber for the plan's calling code: the country
 * among those sharing the code.
 */
function countryOfPlan(plan: CompiledPlan, nationalNumber: string): string | undefined {
  const countries = plan.countries;
  if (!countries) return undefined;
  if (countries.length === 1) return countries[0];
  for (const candidate of countries) {
    const candidatePlan = planOf(candidate);
    if (candidatePlan.leadingDigits) {
      if (nationalNumber && nationalNumber.search(candidatePlan.leadingDigits) === 0) return candidate;
    } else if (typeInPlan(candidatePlan, nationalNumber)) return candidate;
  }
  return undefined;
}

type LengthCheck = 'IS_POSSIBLE' | 'TOO_SHORT' | 'TOO_LONG' | 'INVALID_LENGTH';

/** checkNumberLength (no type): the plan's possible lengths. */
function checkLength(nationalNumber: string, plan: CompiledPlan): LengthCheck {
  const lengths = plan.possibleLengths;
  if (!lengths) return 'IS_POSSIBLE';
  const length = nationalNumber.length;
  if (lengths[0] === length) return 'IS_POSSIBLE';
  if (lengths[0]! > length) return 'TOO_SHORT';
  if (lengths[lengths.length - 1]! < length) return 'TOO_LONG';
  return lengths.indexOf(length, 1) >= 0 ? 'IS_POSSIBLE' : 'INVALID_LENGTH';
}
