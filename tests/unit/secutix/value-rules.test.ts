import { describe, expect, it } from 'vitest';
import { fieldByCode } from '../../../shared/secutix/fields';
import { checkRow } from '../../../shared/secutix/row-rules';
import {
  SECUTIX_EMAIL_REGEX,
  checkCell,
  normalizeValue,
  toSecutixDate,
} from '../../../shared/secutix/value-rules';

const today = new Date('2026-11-25T00:00:00Z');
const problem = (code: string, value: string, options = {}) =>
  checkCell(code, value, { today, ...options })?.problem;

describe('value rules of the field model', () => {
  it('reads SecuTix and ISO dates and writes dd.mm.yyyy', () => {
    expect(toSecutixDate('03/02/1980')).toBe('03.02.1980');
    expect(toSecutixDate('3-2-1980')).toBe('03.02.1980');
    expect(toSecutixDate('1980-02-03')).toBe('03.02.1980');
    expect(toSecutixDate('30.02.1999')).toBeNull();
    expect(problem('BIRTHDATE', '03.02.1980')).toBeUndefined();
    expect(problem('BIRTHDATE', '30.02.1999')).toBe('bad-date');
    expect(problem('BIRTHDATE', '26.11.2026')).toBe('future-date');
    expect(checkCell('BIRTHDATE', 'x', { today })?.effect).toBe('field-ignored');
  });

  it('keeps contact numbers digits-only and at most 20 long', () => {
    expect(problem('CONTACT_NR', '000123')).toBeUndefined();
    expect(problem('CONTACT_NR', '12.5')).toBe('not-digits');
    expect(problem('CONTACT_NR', '1'.repeat(21))).toBe('too-long');
  });

  it('enforces lengths and reports which ones SecuTix truncates itself', () => {
    expect(problem('TELEPHONE', '0'.repeat(16))).toBe('too-long');
    expect(checkCell('ADDRESS_NAME1', 'x'.repeat(39))?.effect).toBe('truncated');
    expect(checkCell('LINE1', 'x'.repeat(101))?.effect).toBe('unknown');
    expect(problem('LINE1', 'é'.repeat(100))).toBeUndefined();
  });

  it('checks titles, languages, countries, address types, CodeValues and URLs', () => {
    expect(problem('TITLE', 'MR_AND_MRS')).toBeUndefined();
    expect(problem('TITLE', 'Herr')).toBe('not-allowed');
    expect(problem('TITLE', 'DR', { extraTitles: ['DR'] })).toBeUndefined();
    expect(problem('PREF_LANG', 'de')).toBeUndefined();
    expect(problem('PREF_LANG', 'DE')).toBe('bad-language');
    expect(problem('COUNTRY', 'GB')).toBeUndefined();
    expect(problem('COUNTRY', 'UK')).toBe('bad-country');
    expect(problem('ADDR_TYPE', 'MBS')).toBeUndefined();
    expect(problem('ADDR_TYPE', 'MM')).toBe('bad-addr-type');
    expect(problem('CRIT07', 'PREFCOL=Red|Green')).toBeUndefined();
    expect(problem('CRIT07', 'Red')).toBe('bad-codevalue');
    expect(problem('CRIT07', 'Red', { configuredColumns: new Set(['CRIT07']) })).toBeUndefined();
    expect(problem('ADMIN_NUMBER', 'SIRET=404 833 048 00022')).toBeUndefined();
    expect(problem('ADMIN_NUMBER', 'SIRET=1|2')).toBe('one-admin-number');
    expect(problem('WEB_SITE', 'http://x.ch')).toBeUndefined();
    expect(problem('WEB_SITE', 'https://x.ch', { allowHttps: false })).toBe('bad-url');
    expect(problem('NB_EMPLOYEES', '12a')).toBe('not-integer');
  });

  it("uses SecuTix's lower-case email regex; normalising lower-cases first", () => {
    expect(SECUTIX_EMAIL_REGEX.test('anna.muster@example.com')).toBe(true);
    expect(SECUTIX_EMAIL_REGEX.test('Anna@example.com')).toBe(false);
    expect(SECUTIX_EMAIL_REGEX.test('anna@localhost')).toBe(false);
    expect(normalizeValue(fieldByCode('EMAIL1')!, ' Anna@Example.COM ')).toBe('anna@example.com');
    expect(checkCell('EMAIL1', 'a b@c.d')?.effect).toBe('field-ignored');
  });

  it('joins CodeValue parts without stray spaces', () => {
    expect(normalizeValue(fieldByCode('CRIT01')!, 'PREFCOL = Red | Green |')).toBe('PREFCOL=Red|Green');
  });
});

describe('row rules', () => {
  const base = { INSTITUTION: 'I', ORGANIZATION: 'O', OPERATION: 'INSERT' };
  const codes = (row: Record<string, string>) => checkRow(row).map((p) => p.problem);

  it('needs a name on creation rows and a contact number on other operations', () => {
    expect(codes({ ...base, LASTNAME: 'X' })).toEqual([]);
    expect(codes({ ...base, EMAIL1: 'a@b.ch' })).toEqual(['no-name']);
    expect(codes({ ...base, OPERATION: 'UPDATE', EMAIL1: 'a@b.ch' })).toEqual(['contact-nr-missing']);
    expect(codes({ ...base, OPERATION: 'UPDATE', CONTACT_NR: '1', EMAIL1: '=' })).toEqual([]);
  });

  it('keeps TOWN + TOWN_COMPLEMENT under 100 characters', () => {
    expect(codes({ ...base, LASTNAME: 'X', TOWN: 'a'.repeat(60), TOWN_COMPLEMENT: 'b'.repeat(39) })).toEqual(
      [],
    );
    expect(codes({ ...base, LASTNAME: 'X', TOWN: 'a'.repeat(60), TOWN_COMPLEMENT: 'b'.repeat(40) })).toEqual([
      'town-too-long',
    ]);
  });

  it('flags mandatory INSTITUTION/ORGANIZATION, an empty OPERATION, "=" outside UPDATE, fields of the other kind', () => {
    expect(codes({ LASTNAME: 'X' })).toEqual(['operation-empty', 'mandatory-missing', 'mandatory-missing']);
    expect(codes({ ...base, LASTNAME: 'X', EMAIL1: '=' })).toEqual(['clear-marker-ignored']);
    expect(codes({ ...base, OFFICIAL_NAME: 'ACME', TITLE: 'MR' })).toEqual(['not-applicable']);
    expect(codes({ ...base, OFFICIAL_NAME: 'ACME', LASTNAME: 'X', TITLE: 'MR' })).toEqual([]);
  });
});
