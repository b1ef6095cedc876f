import { describe, expect, it } from 'vitest';
import { contactNumbersCheck } from '../../../src-main/core/checks/contact-numbers';
import { codes, ctx, run } from './helpers';

describe('contact number check', () => {
  it('accepts digit-only numbers, leading zeros included', () => {
    for (const v of ['000123', '123456', '1'.repeat(20)])
      expect(run(contactNumbersCheck, { CONTACT_NR: v }), v).toEqual([]);
  });

  it('flags non-digits, with a suggestion only for Excel floats and separators', () => {
    expect(run(contactNumbersCheck, { CONTACT_NR: '123.0' })[0]).toMatchObject({
      code: 'contact-nr.not-digits',
      suggestion: { CONTACT_NR: '123' },
    });
    expect(run(contactNumbersCheck, { CONTACT_NR: "123'456" })[0]?.suggestion).toEqual({
      CONTACT_NR: '123456',
    });
    const letters = run(contactNumbersCheck, { CONTACT_NR: 'CH-123A' });
    expect(codes(letters)).toEqual(['contact-nr.not-digits']);
    expect(letters[0]?.suggestion).toBeUndefined();
    expect(codes(run(contactNumbersCheck, { CONTACT_NR: '1.23457E+11' }))).toEqual(['contact-nr.scientific']);
    expect(codes(run(contactNumbersCheck, { CONTACT_NR: '1'.repeat(21) }))).toEqual(['contact-nr.too-long']);
  });

  it('flags numbers listed as duplicates by the prepared index', () => {
    const c = ctx({}, { 'contact-numbers': { '000123': 2 } });
    expect(run(contactNumbersCheck, { CONTACT_NR: '000123' }, c)[0]).toMatchObject({
      code: 'contact-nr.duplicate',
      params: { number: '000123', count: 2 },
    });
    expect(run(contactNumbersCheck, { CONTACT_NR: '123' }, c)).toEqual([]);
  });

  it('flags numbers outside the reserved range when one is configured', () => {
    const c = ctx({
      'numbers.reserved': { start: '5000000', end: '5999999' },
      'numbers.range': { start: '9000000', end: '9999999', width: 0 },
    });
    expect(run(contactNumbersCheck, { CONTACT_NR: '5000001' }, c)).toEqual([]);
    expect(codes(run(contactNumbersCheck, { CONTACT_NR: '4999999' }, c))).toEqual([
      'contact-nr.outside-range',
    ]);
    expect(run(contactNumbersCheck, { CONTACT_NR: '9000001' }, c)).toEqual([]); // assigned by ContactPrep
    expect(run(contactNumbersCheck, { CONTACT_NR: '4999999' })).toEqual([]);
  });
});
