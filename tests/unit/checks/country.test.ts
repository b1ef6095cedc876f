import { describe, expect, it } from 'vitest';
import { countryCheck } from '../../../src-main/core/checks/country';
import { codes, run } from './helpers';

describe('country check', () => {
  it('accepts ISO codes and empty countries', () => {
    for (const c of ['CH', 'FR', 'DE', 'GB', 'LI']) expect(run(countryCheck, { COUNTRY: c }), c).toEqual([]);
    expect(run(countryCheck, { LASTNAME: 'Muster' })).toEqual([]);
  });

  it('suggests the ISO code for names and variants', () => {
    const [f] = run(countryCheck, { COUNTRY: 'Suisse' });
    expect(f).toMatchObject({
      code: 'country.not-iso',
      field: 'COUNTRY',
      severity: 'warning',
      suggestion: { COUNTRY: 'CH' },
    });
    expect(run(countryCheck, { COUNTRY: 'UK' })[0]?.suggestion).toEqual({ COUNTRY: 'GB' });
    expect(run(countryCheck, { COUNTRY: 'Deutschland' })[0]?.suggestion).toEqual({ COUNTRY: 'DE' });
    expect(run(countryCheck, { COUNTRY: 'ch' })[0]?.suggestion).toEqual({ COUNTRY: 'CH' });
  });

  it('marks guessed typos as errors with a low-confidence suggestion', () => {
    const [f] = run(countryCheck, { COUNTRY: 'Deutchland' });
    expect(f?.severity).toBe('error');
    expect(f?.confidence).toBeLessThan(0.8);
  });

  it('flags unknown countries without a suggestion', () => {
    const fs = run(countryCheck, { COUNTRY: 'EN' });
    expect(codes(fs)).toEqual(['country.unknown']);
    expect(fs[0]?.suggestion).toBeUndefined();
    expect(fs[0]?.message).toContain('"EN"');
  });
});
