import { describe, expect, it } from 'vitest';
import { cleanPhone, phoneCheck } from '../../../src-main/core/checks/phone';
import { codes, ctx, run } from './helpers';

describe('phone check', () => {
  it('accepts valid E.164 numbers in the right fields', () => {
    expect(run(phoneCheck, { TELEPHONE: '+41216132111', CELLPHONE: '+41791234567', COUNTRY: 'CH' })).toEqual(
      [],
    );
    expect(run(phoneCheck, { TELEPHONE: '+33140158000', COUNTRY: 'FR' })).toEqual([]);
  });

  it('suggests E.164 for national formats, using the row country', () => {
    const [f] = run(phoneCheck, { TELEPHONE: '021 613 21 11', COUNTRY: 'CH' });
    expect(f).toMatchObject({
      code: 'phone.format',
      severity: 'info',
      suggestion: { TELEPHONE: '+41216132111' },
    });
    expect(run(phoneCheck, { TELEPHONE: '01 40 15 80 00', COUNTRY: 'France' })[0]?.suggestion).toEqual({
      TELEPHONE: '+33140158000',
    });
    expect(run(phoneCheck, { TELEPHONE: '030 1234567', COUNTRY: 'DE' })[0]?.suggestion).toEqual({
      TELEPHONE: '+49301234567',
    });
  });

  it('falls back to the workspace default country, then CH', () => {
    expect(run(phoneCheck, { TELEPHONE: '021 613 21 11' })[0]?.suggestion).toEqual({
      TELEPHONE: '+41216132111',
    });
    const fr = run(phoneCheck, { TELEPHONE: '01 40 15 80 00' }, ctx({ 'checks.defaultCountry': 'FR' }));
    expect(fr[0]?.suggestion).toEqual({ TELEPHONE: '+33140158000' });
  });

  it('reads international prefixes and the (41) form of the spec', () => {
    expect(run(phoneCheck, { TELEPHONE: '0041 21 613 21 11', COUNTRY: 'CH' })[0]?.suggestion).toEqual({
      TELEPHONE: '+41216132111',
    });
    expect(run(phoneCheck, { TELEPHONE: '(41)0216132111', COUNTRY: 'FR' })[0]?.suggestion).toEqual({
      TELEPHONE: '+41216132111',
    });
    expect(run(phoneCheck, { TELEPHONE: '+41 (0)21 613 21 11' })[0]?.suggestion).toEqual({
      TELEPHONE: '+41216132111',
    });
  });

  it('handles extensions and text around the number', () => {
    expect(cleanPhone('+41 21 613 21 11 ext. 12')).toMatchObject({ extension: '12' });
    expect(cleanPhone('021 613 21 11 x12')).toMatchObject({ extension: '12' });
    const [f] = run(phoneCheck, { TELEPHONE: '021 613 21 11 ext. 12', COUNTRY: 'CH' });
    expect(f?.suggestion).toEqual({ TELEPHONE: '+41216132111' });
    expect(f?.message).toContain('extension 12');
    expect(f!.confidence).toBeLessThan(0.9);
    expect(run(phoneCheck, { TELEPHONE: '021 613 21 11 SVP', COUNTRY: 'CH' })[0]?.suggestion).toEqual({
      TELEPHONE: '+41216132111',
    });
  });

  it('moves a mobile out of TELEPHONE when CELLPHONE is empty', () => {
    const [f] = run(phoneCheck, { TELEPHONE: '079 123 45 67', COUNTRY: 'CH' });
    expect(f).toMatchObject({
      code: 'phone.mobile-in-landline',
      suggestion: { TELEPHONE: null, CELLPHONE: '+41791234567' },
    });
    const both = run(phoneCheck, { TELEPHONE: '+41791234567', CELLPHONE: '+41781234567', COUNTRY: 'CH' });
    expect(codes(both)).toEqual([]);
    expect(codes(run(phoneCheck, { TELEPHONE: '06 88 48 87 10', COUNTRY: 'FR' }))).toEqual([
      'phone.mobile-in-landline',
    ]);
  });

  it('flags a landline in CELLPHONE', () => {
    const [f] = run(phoneCheck, { CELLPHONE: '+41216132111', COUNTRY: 'CH' });
    expect(f).toMatchObject({
      code: 'phone.landline-in-mobile',
      suggestion: { CELLPHONE: null, TELEPHONE: '+41216132111' },
    });
    expect(
      run(phoneCheck, { CELLPHONE: '+41216132111', TELEPHONE: '+41226132111' })[0]?.suggestion,
    ).toBeUndefined();
  });

  it('flags invalid numbers and text that is not a number', () => {
    expect(codes(run(phoneCheck, { TELEPHONE: '12345', COUNTRY: 'CH' }))).toEqual(['phone.invalid']);
    expect(codes(run(phoneCheck, { FAX: '021 613 21', COUNTRY: 'CH' }))).toEqual(['phone.invalid']);
    const junk = run(phoneCheck, { TELEPHONE: 'n/a' });
    expect(junk[0]).toMatchObject({ code: 'phone.junk', suggestion: { TELEPHONE: null } });
  });
});
