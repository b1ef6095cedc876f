import { describe, expect, it } from 'vitest';
import { FIELD_CODES, SECUTIX_FIELDS, fieldByCode } from '../../../shared/secutix/fields';
import { deriveKind, effectiveKind } from '../../../shared/secutix/contact-kind';

describe('SecuTix field table', () => {
  it('lists the columns of spec §3.11 in the documented order', () => {
    // Hand-copied from spec §3.11 (COUNTRY, DEPARTMENT variant), not from the table under test.
    const head = [
      'INSTITUTION', 'ORGANIZATION', 'OPERATION',
      'CONTACT_NR', 'TITLE', 'LETTER_SALUTATION', 'ADDR_SALUTATION', 'FUNCTION', 'REMARK',
      'FIRSTNAME', 'LASTNAME', 'BIRTHDATE', 'PREF_LANG',
      'OFFICIAL_NAME', 'ADDRESS_NAME1', 'ADDRESS_NAME2', 'STRUCT_TYPE', 'COMMUNITY_TYPE', 'ADMIN_NUMBER', 'NB_EMPLOYEES', 'WEB_SITE',
      'ADDR_TYPE', 'LINE1', 'LINE2', 'LINE3', 'ZIPCODE', 'TOWN', 'TOWN_COMPLEMENT', 'COUNTRY', 'DEPARTMENT',
      'TELEPHONE', 'FAX', 'CELLPHONE', 'EMAIL1', 'EMAIL2', 'EMAIL3',
    ]; // prettier-ignore
    expect(FIELD_CODES.slice(0, head.length)).toEqual(head);
    expect(FIELD_CODES.slice(head.length)).toHaveLength(50);
    expect(FIELD_CODES[head.length]).toBe('CRIT01');
    expect(FIELD_CODES[FIELD_CODES.length - 1]).toBe('CRIT50');
    expect(new Set(FIELD_CODES).size).toBe(FIELD_CODES.length);
  });

  it('carries the spec lengths and invalid-value effects', () => {
    expect(fieldByCode('TELEPHONE')).toMatchObject({ maxLength: 15, textCell: true });
    expect(fieldByCode('ADDRESS_NAME1')).toMatchObject({ maxLength: 38, onTooLong: 'truncated' });
    expect(fieldByCode('CONTACT_NR')).toMatchObject({ type: 'digits', maxLength: 20, textCell: true });
    expect(fieldByCode('ZIPCODE')).toMatchObject({ maxLength: 10, textCell: true });
    expect(fieldByCode('BIRTHDATE')?.onInvalid).toBe('field-ignored');
    expect(fieldByCode('EMAIL1')?.onInvalid).toBe('field-ignored');
    expect(fieldByCode('ORGANIZATION')?.maxLength).toBe(8);
    expect(fieldByCode('TITLE')?.allowed).toEqual(['MR', 'MRS', 'MISS', 'MR_AND_MRS', 'UNDEFINED']);
    expect(fieldByCode('STRUCT_NAME')).toBeUndefined();
  });

  it('gives every field labels in EN, FR and DE and a spec reference', () => {
    for (const f of SECUTIX_FIELDS) {
      expect(f.labels.en && f.labels.fr && f.labels.de, f.code).toBeTruthy();
      expect(f.specRef, f.code).toMatch(/§/);
    }
  });
});

describe('contact kind (spec §1.2)', () => {
  it('derives individual, structure and structure+relay from the filled name columns', () => {
    expect(deriveKind({ LASTNAME: 'Muster' })).toBe('individual');
    expect(deriveKind({ FIRSTNAME: 'Anna' })).toBe('individual');
    expect(deriveKind({ OFFICIAL_NAME: 'ACME SA' })).toBe('structure');
    expect(deriveKind({ OFFICIAL_NAME: 'ACME SA', LASTNAME: 'Muster' })).toBe('structure_relay');
    expect(deriveKind({ EMAIL1: 'a@b.ch', LASTNAME: '  ' })).toBeNull();
  });

  it('lets the user override the derived kind', () => {
    expect(effectiveKind({ data: { OFFICIAL_NAME: 'X', LASTNAME: 'Y' }, kindOverride: 'structure' })).toBe(
      'structure',
    );
    expect(effectiveKind({ data: { LASTNAME: 'Y' }, kindOverride: null })).toBe('individual');
  });
});
