import { describe, expect, it } from 'vitest';
import { postcodeCheck } from '../../../../src-main/core/checks/postcode';
import { readPostcode } from '../../../../src-main/core/checks/postcode-formats';
import { CLEAN_ADDRESSES, ctx, row } from './fixtures';

const run = (data: Record<string, string>) => postcodeCheck.run(row(data), ctx);
const one = (data: Record<string, string>) => {
  const f = run(data);
  expect(f).toHaveLength(1);
  return f[0]!;
};

describe('postcode format', () => {
  it.each([
    ['CH', 'ch-1003', '1003'],
    ['CH', 'CH 1003', '1003'],
    ['CH', '1003.0', '1003'],
    ['LU', 'L-4906', '4906'],
    ['DE', 'D-10115', '10115'],
    ['FR', '75 008', '75008'],
    ['GB', 'sw1a1aa', 'SW1A 1AA'],
    ['NL', '1012ab', '1012 AB'],
    ['IE', 'd02x285', 'D02 X285'],
    ['CA', 'k1a0b1', 'K1A 0B1'],
    ['PT', '1100148', '1100-148'],
    ['US', '021341234', '02134-1234'],
  ])('normalises %s postcode %s to %s', (country, raw, expected) => {
    expect(readPostcode(country, raw)).toMatchObject({ status: 'valid', value: expected });
  });

  it('restores the leading zero Excel dropped from French and German codes', () => {
    const f = one({ ZIPCODE: '1000', TOWN: 'Bourg-en-Bresse', COUNTRY: 'FR' });
    expect(f).toMatchObject({ code: 'postcode.normalize', suggestion: { ZIPCODE: '01000' } });
    expect(f.confidence).toBeGreaterThanOrEqual(0.9);
    expect(one({ ZIPCODE: '1067', TOWN: 'Dresden', COUNTRY: 'DE' }).suggestion).toEqual({ ZIPCODE: '01067' });
  });

  it('drops the country prefix because COUNTRY carries the country', () => {
    expect(one({ ZIPCODE: 'L-1648', TOWN: 'Luxembourg', COUNTRY: 'LU' }).suggestion).toEqual({
      ZIPCODE: '1648',
    });
  });

  it('flags codes that cannot be postcodes of the country as errors', () => {
    const f = one({ ZIPCODE: '12345', TOWN: 'Zürich', COUNTRY: 'CH' });
    expect(f).toMatchObject({ code: 'postcode.format', severity: 'error' });
    expect(one({ ZIPCODE: 'ABC', COUNTRY: 'DE' }).code).toBe('postcode.format');
  });

  it('suggests the postcode of an unambiguous town when the code is malformed', () => {
    expect(one({ ZIPCODE: '800', TOWN: 'Vaduz', COUNTRY: 'LI' }).suggestion).toEqual({ ZIPCODE: '9490' });
  });

  it('warns about partial codes where the country has a longer form', () => {
    expect(one({ ZIPCODE: 'SW1A', TOWN: 'London', COUNTRY: 'GB' }).code).toBe('postcode.incomplete');
    expect(one({ ZIPCODE: '1012', TOWN: 'Amsterdam', COUNTRY: 'NL' }).code).toBe('postcode.incomplete');
  });
});

describe('postcode existence', () => {
  it('reports a well-formed code the reference does not know', () => {
    expect(one({ ZIPCODE: '9999', TOWN: 'Lausanne', COUNTRY: 'CH' })).toMatchObject({
      code: 'postcode.unknown',
      severity: 'warning',
    });
  });

  it('suggests the town’s postcode one typo away from an unknown code', () => {
    expect(one({ ZIPCODE: '1160', TOWN: 'Nyon', COUNTRY: 'CH' }).suggestion).toEqual({ ZIPCODE: '1260' });
  });

  it('never proposes a partial postcode from countries whose reference lists only prefixes', () => {
    expect(run({ TOWN: 'Kenmare', COUNTRY: 'IE' })).toEqual([]);
    expect(run({ TOWN: 'Ballinasloe', ZIPCODE: '-', COUNTRY: 'IE' })[0]?.suggestion).toEqual({
      ZIPCODE: null,
    });
  });

  it('proposes the postcode of a town written without one', () => {
    const f = one({ TOWN: 'Vaduz', COUNTRY: 'LI' });
    expect(f).toMatchObject({ code: 'postcode.missing', suggestion: { ZIPCODE: '9490' } });
  });

  it('splits postcode and town written together in ZIPCODE', () => {
    const f = one({ ZIPCODE: 'CH-1003 Lausanne', COUNTRY: 'CH' });
    expect(f).toMatchObject({
      code: 'postcode.contains-town',
      suggestion: { ZIPCODE: '1003', TOWN: 'Lausanne' },
    });
    expect(one({ ZIPCODE: '75008 Paris', TOWN: 'Paris', COUNTRY: 'FR' }).suggestion).toEqual({
      ZIPCODE: '75008',
    });
  });

  it('uses the default country setting when COUNTRY is empty', () => {
    const f = postcodeCheck.run(row({ ZIPCODE: 'ch-8001', TOWN: 'Zürich' }), {
      ...ctx,
      settings: { 'checks.defaultCountry': 'CH' },
    });
    expect(f[0]?.suggestion).toEqual({ ZIPCODE: '8001' });
  });
});

describe('postcode check on clean data', () => {
  it('raises nothing on correct addresses of every supported country', () => {
    for (const data of CLEAN_ADDRESSES) expect(run(data), JSON.stringify(data)).toEqual([]);
  });

  it('leaves countries without a known format and rows without country alone', () => {
    expect(run({ ZIPCODE: '00-950', TOWN: 'Warszawa', COUNTRY: 'PL' })).toEqual([]);
    expect(run({ ZIPCODE: 'whatever', TOWN: 'Somewhere' })).toEqual([]);
  });
});

describe('placeholder and CEDEX postcodes', () => {
  it('replaces a placeholder postcode by the town’s only postcode, or clears it', () => {
    expect(one({ ZIPCODE: '-', TOWN: 'Vaduz', COUNTRY: 'LI' })).toMatchObject({
      code: 'postcode.junk',
      suggestion: { ZIPCODE: '9490' },
    });
    expect(one({ ZIPCODE: '0', TOWN: 'Lausanne', COUNTRY: 'CH' }).suggestion).toEqual({ ZIPCODE: null });
  });

  it('moves a CEDEX mark from the postcode to the town', () => {
    expect(one({ ZIPCODE: '75008 CEDEX 08', TOWN: 'Paris', COUNTRY: 'FR' }).suggestion).toEqual({
      ZIPCODE: '75008',
      TOWN: 'Paris CEDEX 08',
    });
  });
});

describe('rows without COUNTRY in a file with a default country', () => {
  const withDefault = (data: Record<string, string>) =>
    postcodeCheck.run(row(data), { ...ctx, settings: { 'checks.defaultCountry': 'CH' } });

  it('leaves a foreign postcode to the town check’s country suggestion', () => {
    expect(withDefault({ ZIPCODE: '75008', TOWN: 'Paris' })).toEqual([]);
  });

  it('still checks postcodes of the default country', () => {
    expect(withDefault({ ZIPCODE: '12345', TOWN: 'Zürich' })[0]?.code).toBe('postcode.format');
  });
});
