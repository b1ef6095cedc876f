import { describe, expect, it } from 'vitest';
import { fieldRulesCheck, languageCode } from '../../../src-main/core/checks/field-rules';
import { codes, run } from './helpers';

describe('field rules check', () => {
  it('accepts values the field model allows', () => {
    expect(
      run(fieldRulesCheck, {
        PREF_LANG: 'de',
        ADDR_TYPE: 'MB',
        LASTNAME: 'Muster',
        LINE1: 'Rue du Lac 12',
        TOWN: 'Lausanne',
      }),
    ).toEqual([]);
  });

  it('flags values longer than the field allows', () => {
    const [f] = run(fieldRulesCheck, { LASTNAME: 'x'.repeat(101) });
    expect(f).toMatchObject({ code: 'field.too-long', field: 'LASTNAME', params: { length: 101, max: 100 } });
    expect(codes(run(fieldRulesCheck, { REMARK: 'x'.repeat(2001) }))).toEqual(['field.too-long']);
    // national phone formats and long date forms are rewritten by their own checks
    expect(run(fieldRulesCheck, { CELLPHONE: '+41 79 123 45 67', BIRTHDATE: '1980-05-17T00:00:00' })).toEqual(
      [],
    );
  });

  it('turns language names into ISO codes', () => {
    expect(languageCode('Deutsch')).toBe('de');
    expect(languageCode('fr_CH')).toBe('fr');
    expect(languageCode('DE')).toBe('de');
    expect(languageCode('F')).toBe('fr');
    expect(languageCode('Klingon')).toBeUndefined();
    expect(run(fieldRulesCheck, { PREF_LANG: 'Deutsch' })[0]).toMatchObject({
      code: 'field.invalid-value',
      suggestion: { PREF_LANG: 'de' },
    });
    expect(run(fieldRulesCheck, { PREF_LANG: 'Klingon' })[0]?.suggestion).toBeUndefined();
  });

  it('leaves fields of dedicated checks to them', () => {
    expect(
      run(fieldRulesCheck, {
        EMAIL1: 'Not An Email',
        BIRTHDATE: '1980',
        COUNTRY: 'Suisse',
        TELEPHONE: '021 613 21 11',
        TITLE: 'Herr',
      }),
    ).toEqual([]);
  });
});
