import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { townCheck } from '../../../../src-main/core/checks/town';
import { CLEAN_ADDRESSES, ctx, row } from './fixtures';

const run = (data: Record<string, string>) => townCheck.run(row(data), ctx);
const one = (data: Record<string, string>) => {
  const f = run(data);
  expect(f, JSON.stringify(f)).toHaveLength(1);
  return f[0]!;
};

describe('town spelling', () => {
  it.each([
    ['CH', '1204', 'Geneve', 'Genève'],
    ['CH', '8001', 'ZURICH', 'Zürich'],
    ['DE', '80331', 'Munchen', 'München'],
    ['DE', '50667', 'Koeln', 'Köln'],
    ['CH', '8001', 'Zuerich', 'Zürich'],
    ['FR', '42000', 'ST ETIENNE', 'Saint-Étienne'],
    ['AT', '5020', 'SALZBURG', 'Salzburg'],
  ])('suggests the official %s spelling of %s %s', (COUNTRY, ZIPCODE, TOWN, expected) => {
    expect(one({ ZIPCODE, TOWN, COUNTRY })).toMatchObject({
      code: 'town.spelling',
      suggestion: { TOWN: expected },
    });
  });

  it('re-cases numbered districts only when written in capitals', () => {
    expect(one({ ZIPCODE: '13002', TOWN: 'MARSEILLE 2E', COUNTRY: 'FR' }).suggestion).toEqual({
      TOWN: 'Marseille 02',
    });
    expect(run({ ZIPCODE: '13002', TOWN: 'Marseille 2e', COUNTRY: 'FR' })).toEqual([]);
  });

  it('keeps a Swiss post office number while fixing the accents', () => {
    expect(one({ ZIPCODE: '1211', TOWN: 'Geneve 4', COUNTRY: 'CH' }).suggestion).toEqual({
      TOWN: 'Genève 4',
    });
  });

  it('accepts exonyms, bilingual names, arrondissements and district suffixes', () => {
    for (const data of [
      { ZIPCODE: '1204', TOWN: 'Genf', COUNTRY: 'CH' },
      { ZIPCODE: '2502', TOWN: 'Bienne', COUNTRY: 'CH' },
      { ZIPCODE: '1000', TOWN: 'Brussel', COUNTRY: 'BE' },
      { ZIPCODE: '75008', TOWN: 'Paris 8e', COUNTRY: 'FR' },
      { ZIPCODE: '75008', TOWN: 'Paris 08', COUNTRY: 'FR' },
      { ZIPCODE: '1020', TOWN: 'Renens', COUNTRY: 'CH' },
      { ZIPCODE: '20095', TOWN: 'Hamburg', COUNTRY: 'DE' },
      { ZIPCODE: '8050', TOWN: 'Zürich-Oerlikon', COUNTRY: 'CH' },
      { ZIPCODE: '1010', TOWN: 'Vienna', COUNTRY: 'AT' },
      { ZIPCODE: '60311', TOWN: 'Frankfurt a. M.', COUNTRY: 'DE' },
      { ZIPCODE: '79098', TOWN: 'Freiburg i. Br.', COUNTRY: 'DE' },
    ])
      expect(run(data), JSON.stringify(data)).toEqual([]);
  });
});

describe('postcode and town disagree', () => {
  it('fixes a typo in the town when it is close to the postcode’s town', () => {
    const f = one({ ZIPCODE: '1003', TOWN: 'Lausane', COUNTRY: 'CH' });
    expect(f).toMatchObject({ code: 'town.mismatch', field: 'TOWN', suggestion: { TOWN: 'Lausanne' } });
    expect(f.confidence).toBeGreaterThanOrEqual(0.8);
  });

  it('suggests the postcode when the town is real and its code is one typo away', () => {
    const f = one({ ZIPCODE: '1206', TOWN: 'Nyon', COUNTRY: 'CH' });
    expect(f).toMatchObject({ code: 'town.mismatch', field: 'ZIPCODE', suggestion: { ZIPCODE: '1260' } });
  });

  it('fixes town and postcode together when both carry a typo, with low confidence', () => {
    const f = one({ ZIPCODE: '1206', TOWN: 'Nion', COUNTRY: 'CH' });
    expect(f).toMatchObject({ code: 'town.mismatch', suggestion: { TOWN: 'Nyon', ZIPCODE: '1260' } });
    expect(f.confidence).toBeLessThanOrEqual(0.5);
  });

  it('reports a pair that fits nothing without guessing', () => {
    const f = one({ ZIPCODE: '8001', TOWN: 'Marseille', COUNTRY: 'CH' });
    expect(f.code).toBe('town.mismatch');
    expect(f.suggestion).toBeUndefined();
    expect(f.params.expected).toBe('Zürich');
  });
});

describe('postcode and town in one cell, missing town', () => {
  it('splits `1003 Lausanne` written in TOWN', () => {
    expect(one({ TOWN: '1003 Lausanne', COUNTRY: 'CH' })).toMatchObject({
      code: 'town.contains-postcode',
      suggestion: { TOWN: 'Lausanne', ZIPCODE: '1003' },
    });
    expect(one({ TOWN: 'F-75008 Paris', ZIPCODE: '75008', COUNTRY: 'FR' }).suggestion).toEqual({
      TOWN: 'Paris',
    });
    expect(one({ TOWN: '1204 Geneve', COUNTRY: 'CH' }).suggestion).toEqual({
      TOWN: 'Genève',
      ZIPCODE: '1204',
    });
  });

  it('fills the town of a postcode that has a single locality', () => {
    expect(one({ ZIPCODE: '1003', COUNTRY: 'CH' })).toMatchObject({
      code: 'town.missing',
      suggestion: { TOWN: 'Lausanne' },
    });
  });
});

describe('town check on clean data', () => {
  it('raises nothing on correct addresses', () => {
    for (const data of CLEAN_ADDRESSES) expect(run(data), JSON.stringify(data)).toEqual([]);
  });

  it('raises nothing on every 25th postcode/town pair of the CH, FR, DE, AT, IT and BE references', () => {
    const dir = join(import.meta.dirname, '../../../../resources/postal');
    let checked = 0;
    for (const country of ['CH', 'FR', 'DE', 'AT', 'IT', 'BE', 'LU']) {
      const lines = readFileSync(join(dir, `${country}.tsv`), 'utf8')
        .split('\n')
        .filter(Boolean);
      for (let i = 0; i < lines.length; i += 25) {
        const [ZIPCODE, TOWN] = lines[i]!.split('\t') as [string, string];
        expect(run({ ZIPCODE, TOWN, COUNTRY: country }), `${country} ${ZIPCODE} ${TOWN}`).toEqual([]);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(5000);
  });
});

describe('town check and encoding damage', () => {
  it('leaves mojibake towns to the encoding check instead of calling them a mismatch', () => {
    expect(run({ ZIPCODE: '8038', TOWN: 'ZÃ¼rich', COUNTRY: 'CH' })).toEqual([]);
  });
});

describe('country given away by postcode and town', () => {
  const withDefault = (data: Record<string, string>) =>
    townCheck.run(row(data), { ...ctx, settings: { 'checks.defaultCountry': 'CH' } });

  it('suggests the country of a foreign address in a file whose default country is another', () => {
    const [f] = withDefault({ ZIPCODE: '1000', TOWN: 'Bruxelles' });
    expect(f).toMatchObject({ code: 'town.country-missing', suggestion: { COUNTRY: 'BE' } });
    expect(one({ ZIPCODE: '75008', TOWN: 'Paris' }).suggestion).toEqual({ COUNTRY: 'FR' });
  });

  it('says nothing when the default or the written country fits', () => {
    expect(withDefault({ ZIPCODE: '1003', TOWN: 'Lausanne' })).toEqual([]);
    expect(run({ ZIPCODE: '1003', TOWN: 'Lausanne', COUNTRY: 'CH' })).toEqual([]);
  });
});

describe('placeholder towns', () => {
  it('replaces a placeholder town with the only town of the postcode', () => {
    expect(one({ ZIPCODE: '1003', TOWN: '-', COUNTRY: 'CH' })).toMatchObject({
      code: 'town.junk',
      suggestion: { TOWN: 'Lausanne' },
    });
  });

  it('proposes to clear a placeholder town when the postcode does not tell the town', () => {
    expect(one({ TOWN: 'xxx', COUNTRY: 'CH' }).suggestion).toEqual({ TOWN: null });
  });
});
