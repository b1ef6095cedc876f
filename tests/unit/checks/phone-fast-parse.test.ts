import examples from 'libphonenumber-js/examples.mobile.json';
import {
  getCountries,
  getCountryCallingCode,
  isSupportedCountry,
  Metadata,
  parsePhoneNumberFromString,
  type CountryCode,
} from 'libphonenumber-js/max';
import { describe, expect, it } from 'vitest';
import { normalizeCountry } from '../../../shared/reference/countries';
import { cleanPhone } from '../../../src-main/core/checks/phone';
import { parseDigitsPhone, UNHANDLED } from '../../../src-main/core/checks/phone-fast-parse';
import { generateContacts } from '../../bench/generate-contacts';

/**
 * The fast parser is a port of libphonenumber's parse for digit strings: for every input it
 * handles, it must give exactly what the library gives (parse, isValid, getType, E.164).
 */
function reference(cleaned: string, region: CountryCode) {
  const p = parsePhoneNumberFromString(cleaned, { defaultCountry: region, extract: false });
  return p?.isValid() ? { e164: p.number, type: p.getType() } : undefined;
}

interface Tally {
  compared: number;
  valid: number;
  /** `input in region: fast ≠ reference` (a test fails with the first few). */
  mismatches: string[];
}

const tally = (): Tally => ({ compared: 0, valid: 0, mismatches: [] });

function compare(cleaned: string, region: CountryCode, t: Tally): void {
  const fast = parseDigitsPhone(cleaned, region);
  const expected = reference(cleaned, region);
  const got = fast === UNHANDLED ? 'UNHANDLED' : JSON.stringify(fast);
  if (got !== JSON.stringify(expected))
    t.mismatches.push(`${cleaned} in ${region}: ${got} ≠ ${JSON.stringify(expected)}`);
  t.compared += 1;
  if (expected) t.valid += 1;
}

function rng(seed: number) {
  return (n: number) => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed % n;
  };
}

const randomDigits = (next: (n: number) => number, length: number) =>
  Array.from({ length }, () => String(next(10))).join('');

/** The country's trunk prefix (`0`, `8`, `1`…), read through libphonenumber's Metadata. */
function nationalPrefix(country: CountryCode): string {
  const metadata = new Metadata() as unknown as {
    selectNumberingPlan(country: string): void;
    numberingPlan: { nationalPrefix(): string | undefined };
  };
  metadata.selectNumberingPlan(country);
  return metadata.numberingPlan.nationalPrefix() ?? '0';
}

/** The ways a national significant number gets written: national, trunk prefix, +cc, 00cc, cc without +, … */
function writings(national: string, country: CountryCode, next: (n: number) => number): string[] {
  const cc = getCountryCallingCode(country);
  const trunk = nationalPrefix(country);
  return [
    national,
    `${trunk}${national}`,
    `0${national}`,
    `+${cc}${national}`,
    `00${cc}${national}`,
    `011${cc}${national}`,
    `${cc}${national}`,
    `+${cc}${trunk}${national}`,
    `00${cc}${trunk}${national}`,
    `${cc}${trunk}${national}`,
    `${cc}${national}${randomDigits(next, 1 + next(6))}`,
    `00${national}`,
    `000${national}`,
    national.slice(0, -1),
    `${national}7`,
    `+${cc}${national.slice(0, -2)}`,
    `+${cc}${national}45`,
  ];
}

/** National numbers near the country's example: the example, then its last digits replaced. */
function nationalNumbers(country: CountryCode, next: (n: number) => number, count: number): string[] {
  const example = (examples as Record<string, string>)[country];
  const out: string[] = [];
  if (example) {
    out.push(example);
    for (let i = 0; i < count; i++) {
      const keep = Math.max(1, example.length - 1 - next(example.length));
      out.push(example.slice(0, keep) + randomDigits(next, example.length - keep));
    }
  }
  // Random numbers of usual lengths, starting with any digit.
  for (let i = 0; i < count; i++) out.push(randomDigits(next, 4 + next(10)));
  return out;
}

const PRODUCT_COUNTRIES: CountryCode[] = [
  'CH',
  'LI',
  'FR',
  'DE',
  'AT',
  'IT',
  'BE',
  'NL',
  'LU',
  'ES',
  'PT',
  'GB',
  'IE',
  'US',
  'CA',
];

describe('parseDigitsPhone', () => {
  it('reads every phone cell of the generated contacts as libphonenumber does, in the row region', () => {
    const t = tally();
    let unhandled = 0;
    for (const { row } of generateContacts(20_000)) {
      const code = normalizeCountry(row.Land)?.code;
      const region: CountryCode = code && isSupportedCountry(code) ? code : 'CH';
      for (const value of [row.Telefon, row.Natel]) {
        if (!/\d/.test(value)) continue;
        const cleaned = cleanPhone(value).number;
        if (parseDigitsPhone(cleaned, region) === UNHANDLED) unhandled += 1;
        else compare(cleaned, region, t);
      }
    }
    expect(t.mismatches.slice(0, 10)).toEqual([]);
    expect(t.compared).toBeGreaterThan(15_000);
    expect(t.valid).toBeGreaterThan(0.8 * t.compared);
    // The fast path is the usual path: only cells cleaned to something other than digits fall back.
    expect(unhandled).toBeLessThan(0.02 * t.compared);
  });

  it('agrees on numbers of the product countries in every writing, read in several regions', () => {
    const next = rng(7);
    const t = tally();
    for (const country of PRODUCT_COUNTRIES) {
      for (const national of nationalNumbers(country, next, 40))
        for (const written of writings(national, country, next))
          for (const region of [country, 'CH', 'DE', 'GB', 'US'] as CountryCode[])
            compare(written, region, t);
    }
    expect(t.mismatches.slice(0, 10)).toEqual([]);
    expect(t.compared).toBeGreaterThan(50_000);
    expect(t.valid).toBeGreaterThan(5_000);
  });

  it('agrees on every country of the metadata (shared calling codes, prefix rules, non-geographic codes)', () => {
    const next = rng(11);
    const t = tally();
    for (const country of getCountries()) {
      for (const national of nationalNumbers(country, next, 8))
        for (const written of writings(national, country, next))
          for (const region of [country, 'CH'] as CountryCode[]) compare(written, region, t);
    }
    for (const code of ['800', '808', '870', '878', '881', '882', '883', '888', '979'])
      for (let i = 0; i < 40; i++) compare(`+${code}${randomDigits(next, 6 + next(8))}`, 'CH', t);
    expect(t.mismatches.slice(0, 10)).toEqual([]);
    expect(t.valid).toBeGreaterThan(3_000);
  });

  it('agrees on random digit strings of any length, with and without + or 00', () => {
    const next = rng(42);
    const t = tally();
    for (let i = 0; i < 6_000; i++) {
      const prefix = ['', '', '0', '+', '00', '011'][next(6)]!;
      const written = prefix + randomDigits(next, 1 + next(19));
      for (const region of ['CH', 'FR', 'IT', 'GB', 'US', 'BR', 'RU'] as CountryCode[])
        compare(written, region, t);
    }
    expect(t.mismatches.slice(0, 10)).toEqual([]);
    expect(t.compared).toBe(42_000);
  });

  it('agrees on the corner cases of the port', () => {
    const t = tally();
    const cases: [string, CountryCode][] = [
      ['000422228008', 'UY'], // IDD then 0: not international, read as national (toll free)
      ['+37582080846282', 'BY'], // the trunk 8 stays: the number is valid only with it
      ['112086288808', 'AI'], // starts with the calling code and is too long with it
      ['41791234567', 'CH'], // starts with the calling code, valid only without it
      ['4930123456', 'DE'], // starts with the calling code, valid as written
      ['+447781123456', 'GB'], // shared +44: Guernsey by leading digits
      ['07781123456', 'GG'],
      ['+12684641234', 'US'], // shared +1: Antigua by leading digits
      ['+79123456789', 'CH'], // shared +7: Russia and Kazakhstan
      ['+77012345678', 'CH'],
      ['+390669812345', 'IT'], // Vatican inside +39
      ['+4779123456', 'NO'], // Svalbard inside +47
      ['+80012345678', 'CH'], // non-geographic calling code
      ['0111234567', 'AR'], // national prefix rules with a transform (Argentina)
      ['0911123456789', 'AR'],
      ['01512345678', 'MX'],
      ['8800555353', 'RU'],
      ['12', 'CH'], // two digits are viable, three are the minimum after a +
      ['+12', 'CH'],
      ['+0041216132111', 'CH'],
      ['0041', 'CH'],
      ['+41', 'CH'],
    ];
    for (const [cleaned, region] of cases) compare(cleaned, region, t);
    expect(t.mismatches).toEqual([]);
    expect(t.valid).toBeGreaterThan(10);
  });

  it('leaves any other shape to libphonenumber', () => {
    for (const cleaned of [
      '021 613 21 11',
      '+41 21 613 21 11',
      '',
      '+',
      '1+2',
      '٠٢١٦١٣٢١١١',
      '1'.repeat(251),
    ])
      expect(parseDigitsPhone(cleaned, 'CH'), cleaned).toBe(UNHANDLED);
  });
});
