import { describe, expect, it } from 'vitest';
import {
  alpha3Of,
  COUNTRY_CODES,
  countryName,
  editDistance,
  normalizeCountry,
} from '../../../shared/reference/countries';

const code = (v: string) => normalizeCountry(v)?.code;

describe('normalizeCountry', () => {
  it('knows all 249 ISO 3166-1 codes plus Kosovo', () => {
    expect(COUNTRY_CODES).toHaveLength(250);
    expect(new Set(COUNTRY_CODES).size).toBe(250);
    expect(alpha3Of('ch')).toBe('CHE');
  });

  it('accepts a correct alpha-2 code with full confidence', () => {
    expect(normalizeCountry('CH')).toEqual({ code: 'CH', confidence: 1 });
    expect(normalizeCountry('GB')).toEqual({ code: 'GB', confidence: 1 });
  });

  it('reads lower-case codes, alpha-3 codes and UK', () => {
    expect(normalizeCountry('ch')).toEqual({ code: 'CH', confidence: 0.95 });
    expect(code('CHE')).toBe('CH');
    expect(code('DEU')).toBe('DE');
    expect(code('UK')).toBe('GB');
    expect(code('u.k.')).toBe('GB');
  });

  it('reads Switzerland in every national language and English', () => {
    for (const v of ['Suisse', 'Schweiz', 'Svizzera', 'Switzerland', 'SCHWEIZ', ' la Suisse ', 'Die Schweiz'])
      expect(code(v), v).toBe('CH');
  });

  it('reads common names and variants in EN/FR/DE/IT', () => {
    const cases: Array<[string, string]> = [
      ['Deutschland', 'DE'],
      ['Allemagne', 'DE'],
      ['Germany', 'DE'],
      ['Germania', 'DE'],
      ['Grande-Bretagne', 'GB'],
      ['England', 'GB'],
      ['Royaume-Uni', 'GB'],
      ['United Kingdom', 'GB'],
      ['Holland', 'NL'],
      ['Pays-Bas', 'NL'],
      ['Niederlande', 'NL'],
      ['Österreich', 'AT'],
      ['Autriche', 'AT'],
      ['Etats-Unis', 'US'],
      ['USA', 'US'],
      ['Italie', 'IT'],
      ['Belgique', 'BE'],
      ['Liechtenstein', 'LI'],
      ['Frankreich', 'FR'],
      ['Spagna', 'ES'],
      ['Côte d’Ivoire', 'CI'],
    ];
    for (const [v, c] of cases) expect(code(v), v).toBe(c);
  });

  it('reads cells that combine a name and a code', () => {
    expect(normalizeCountry('Switzerland (CH)')).toEqual({ code: 'CH', confidence: 0.85 });
    expect(code('CH - Suisse')).toBe('CH');
  });

  it('guesses one-letter typos with a low confidence', () => {
    const m = normalizeCountry('Deutchland');
    expect(m?.code).toBe('DE');
    expect(m!.confidence).toBeLessThan(0.8);
    expect(code('Switzerlnd')).toBe('CH');
  });

  it('returns nothing for values that are not countries', () => {
    for (const v of ['', '  ', 'EN', 'XX', 'Lausanne', 'n/a', '1003', 'Mars', 'Guinea-Suisse'])
      expect(normalizeCountry(v), v).toBeUndefined();
    expect(normalizeCountry(undefined)).toBeUndefined();
  });

  it('does not confuse Austria with Australia', () => {
    expect(code('Austria')).toBe('AT');
    expect(code('Australia')).toBe('AU');
    expect(code('Austrai')).toBe('AT');
  });

  it('gives names in the UI languages', () => {
    expect(countryName('CH', 'fr')).toBe('Suisse');
    expect(countryName('DE', 'de')).toBe('Deutschland');
  });

  it('computes Damerau-Levenshtein distance with transpositions', () => {
    expect(editDistance('gmial', 'gmail')).toBe(1);
    expect(editDistance('abc', 'abc')).toBe(0);
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('kitten', 'sitting', 1)).toBe(2);
  });
});
