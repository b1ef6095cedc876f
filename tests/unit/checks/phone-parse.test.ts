import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/max';
import { describe, expect, it } from 'vitest';
import { cleanPhone, parsePhone } from '../../../src-main/core/checks/phone';
import { numberType } from '../../../src-main/core/checks/phone-type';
import { generateContacts } from '../../bench/generate-contacts';

/** The straightforward reading parsePhone replaces: parse, isValid(), then getType(). */
function reference(cleaned: string, region: CountryCode) {
  const p = parsePhoneNumberFromString(cleaned, { defaultCountry: region, extract: false });
  return p?.isValid() ? { e164: p.number, type: p.getType() } : undefined;
}

const REGIONS: CountryCode[] = ['CH', 'FR', 'DE', 'IT', 'GB', 'AT', 'US', 'LI', 'BE'];

/** Deterministic digit strings of every length, with and without `+`/trunk prefix. */
function* syntheticNumbers(count: number): Generator<string> {
  let seed = 42;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
  for (let i = 0; i < count; i++) {
    const len = 3 + (next() % 14);
    let digits = '';
    for (let d = 0; d < len; d++) digits += String(next() % 10);
    const prefix = ['', '0', '+', '00', '+41', '+33', '+44', '+1'][next() % 8]!;
    yield prefix + digits;
  }
}

describe('parsePhone', () => {
  it('agrees with parse + isValid + getType on the generated contacts and random digit strings', () => {
    const values: string[] = [...syntheticNumbers(4000)];
    for (const g of generateContacts(3000)) values.push(g.row.Telefon, g.row.Natel);
    let compared = 0;
    let valid = 0;
    for (const value of values) {
      if (!/\d/.test(value)) continue;
      const cleaned = cleanPhone(value).number;
      for (const region of REGIONS) {
        const expected = reference(cleaned, region);
        expect(parsePhone(cleaned, region), `${value} in ${region}`).toEqual(expected);
        compared += 1;
        if (expected) valid += 1;
      }
    }
    expect(compared).toBeGreaterThan(50_000);
    expect(valid).toBeGreaterThan(5_000);
  });

  it('reads the same number type as getType(), valid or not, in every region and calling code', () => {
    const types = new Set<string | undefined>();
    for (const value of syntheticNumbers(6000))
      for (const region of REGIONS) {
        const p = parsePhoneNumberFromString(value, { defaultCountry: region, extract: false });
        if (!p) continue;
        expect(numberType(p), `${value} in ${region}`).toBe(p.getType());
        types.add(p.getType());
      }
    expect(types.size).toBeGreaterThan(4);
  });
});
