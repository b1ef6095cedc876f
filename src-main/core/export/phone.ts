import { getCountryCallingCode, parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js';
import { isCountryCode } from '../../../shared/reference/countries';

export type PhoneResult = { value: string } | { problem: string; message: string };

/**
 * Writes a phone in the form SecuTix reads unambiguously (spec §3.6). SecuTix parses a phone
 * against the address country (else the institution's) and ignores a `+41`/`0041` prefix
 * when that country differs, but honours `(41)` at the start. So:
 * - same calling code as the reference country → national digits (`0216132111`);
 * - another country → `(CC)` + national digits (`(41)0216132111`);
 * - no reference country known and no international prefix → left as is (SecuTix applies the
 *   institution's country, which is what the source meant).
 */
export function secutixPhone(raw: string, referenceCountry: string | undefined): PhoneResult {
  const input = raw.trim();
  const ref =
    referenceCountry && isCountryCode(referenceCountry) ? (referenceCountry as CountryCode) : undefined;
  const forced = /^\((\d{1,4})\)\s*(.*)$/.exec(input);
  const international = forced ? `+${forced[1]} ${forced[2]}` : input.replace(/^\s*00(?=[1-9])/, '+');
  const hasPrefix = international.startsWith('+');
  if (!hasPrefix && !ref) return { value: input };
  const parsed = parsePhoneNumberFromString(international, ref);
  if (!parsed || !parsed.isPossible())
    return {
      problem: 'bad-phone',
      message: `"${raw}" is not a possible phone number; SecuTix could misread it.`,
    };
  const national = parsed.formatNational().replace(/\D/g, '');
  const sameCountry = ref !== undefined && getCountryCallingCode(ref) === parsed.countryCallingCode;
  return { value: sameCountry ? national : `(${parsed.countryCallingCode})${national}` };
}
