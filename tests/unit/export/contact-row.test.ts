import { describe, expect, it } from 'vitest';
import { exportOptionsSchema, type ExportOptionsInput } from '../../../shared/contract/export';
import type { Contact } from '../../../shared/domain';
import { buildExportRow, exportRowBuilder, ruleOptionsOf } from '../../../src-main/core/export/contact-row';
import { makeContact } from '../../helpers/contact';

const contact = makeContact;

function build(c: Contact, opts: Partial<ExportOptionsInput> = {}) {
  const options = exportOptionsSchema.parse({
    out: 'x.csv',
    institution: 'I',
    organization: 'O',
    today: '2026-11-25',
    ...opts,
  });
  return buildExportRow(c, options, ruleOptionsOf(options));
}
const problems = (r: ReturnType<typeof build>) =>
  r.problems.map((p) => `${p.column}:${p.problem}:${p.severity}`);

describe('buildExportRow', () => {
  it('fills INSTITUTION, ORGANIZATION and OPERATION and keeps the contact number as text', () => {
    const r = build(contact({ LASTNAME: 'Muster', CONTACT_NR: '00042' }));
    expect(r.values).toEqual({
      INSTITUTION: 'I',
      ORGANIZATION: 'O',
      OPERATION: 'INSERT',
      LASTNAME: 'Muster',
      CONTACT_NR: '00042',
    });
    expect(r.rejected).toBe(false);
  });

  it('rejects a row when a mandatory INSTITUTION is missing', () => {
    const r = build(contact({ LASTNAME: 'Muster' }), { institution: undefined });
    expect(r.rejected).toBe(true);
    expect(problems(r)).toEqual(['INSTITUTION:mandatory-missing:error']);
  });

  it('writes "=" only for fields the user cleared on UPDATE rows', () => {
    const update = build(contact({ CONTACT_NR: '1' }, { operation: 'UPDATE', cleared: ['EMAIL1'] }));
    expect(update.values.EMAIL1).toBe('=');
    const insert = build(contact({ LASTNAME: 'X', EMAIL1: 'x@y.ch' }, { cleared: ['EMAIL1'] }));
    expect(insert.values.EMAIL1).toBe('x@y.ch');
    expect(problems(insert)).toEqual(['EMAIL1:clear-ignored:warning']);
  });

  it('never exports a source value "=" as the clear marker', () => {
    const r = build(contact({ CONTACT_NR: '1', TOWN: ' = ' }, { operation: 'UPDATE' }));
    expect(r.values.TOWN).toBeUndefined();
    expect(problems(r)).toEqual(['TOWN:literal-clear-marker:warning']);
  });

  it('drops the other side of a structure+relay row when the user overrides the kind', () => {
    const data = {
      OFFICIAL_NAME: 'ACME',
      ADDRESS_NAME1: 'ACME',
      FIRSTNAME: 'Jean',
      LASTNAME: 'Dupont',
      TITLE: 'MR',
    };
    const asPerson = build(contact(data, { kindOverride: 'individual' }));
    expect(asPerson.values).toMatchObject({ FIRSTNAME: 'Jean', LASTNAME: 'Dupont', TITLE: 'MR' });
    expect(asPerson.values.OFFICIAL_NAME).toBeUndefined();
    expect(problems(asPerson)).toEqual([
      'OFFICIAL_NAME:dropped-by-kind:warning',
      'ADDRESS_NAME1:dropped-by-kind:warning',
    ]);
    const asStructure = build(contact(data, { kindOverride: 'structure' }));
    expect(asStructure.values).toMatchObject({ OFFICIAL_NAME: 'ACME' });
    expect(asStructure.values.LASTNAME).toBeUndefined();
    expect(build(contact({ LASTNAME: 'X' }, { kindOverride: 'structure_relay' })).rejected).toBe(true);
  });

  it('rejects rows with an invalid value of undocumented effect, or drops the field when configured so', () => {
    const c = contact({ LASTNAME: 'X', TITLE: 'Herr' });
    expect(build(c).rejected).toBe(true);
    const dropped = build(c, { undocumentedInvalid: 'drop-field' });
    expect(dropped.rejected).toBe(false);
    expect(dropped.values.TITLE).toBeUndefined();
    expect(problems(dropped)).toEqual(['TITLE:not-allowed:warning']);
  });

  it('drops an invalid email or birthdate with a warning (SecuTix ignores the field, not the row)', () => {
    const r = build(contact({ LASTNAME: 'X', EMAIL1: 'Not An Email', BIRTHDATE: '31.04.1980' }));
    expect(r.rejected).toBe(false);
    expect(r.values.EMAIL1).toBeUndefined();
    expect(r.values.BIRTHDATE).toBeUndefined();
    expect(problems(r)).toEqual(['BIRTHDATE:bad-date:warning', 'EMAIL1:bad-email:warning']);
  });

  it('uses the institution country for phones of contacts without COUNTRY', () => {
    expect(
      build(contact({ LASTNAME: 'X', TELEPHONE: '+41 21 613 21 11' }), { institutionCountry: 'CH' }).values
        .TELEPHONE,
    ).toBe('0216132111');
    expect(
      build(contact({ LASTNAME: 'X', TELEPHONE: '+41 21 613 21 11' }), { institutionCountry: 'FR' }).values
        .TELEPHONE,
    ).toBe('(41)0216132111');
  });

  it('accepts a bare criterion value only when a CONFIG row sets the column code', () => {
    expect(build(contact({ LASTNAME: 'X', CRIT01: 'Red' })).rejected).toBe(true);
    expect(
      build(contact({ LASTNAME: 'X', CRIT01: 'Red' }), { configCodes: { CRIT01: 'PREFCOL' } }).rejected,
    ).toBe(false);
  });

  it('gives the same rows through the per-export builder, call after call', () => {
    const options = exportOptionsSchema.parse({
      out: 'x.csv',
      institution: 'I',
      organization: 'O',
      today: '2026-11-25',
    });
    const rules = ruleOptionsOf(options);
    const build = exportRowBuilder(options, rules);
    const contacts = [
      contact({ LASTNAME: 'Muster', TELEPHONE: '+41 21 613 21 11', COUNTRY: 'FR', BIRTHDATE: '1990-02-30' }),
      contact({ EMAIL1: 'Bad@@x', OFFICIAL_NAME: 'ACME', FIRSTNAME: 'A' }, { kindOverride: 'individual' }),
      contact({ CONTACT_NR: '7', TITLE: 'mr' }, { operation: 'UPDATE', cleared: ['TOWN', 'TITLE'] }),
      contact({ LASTNAME: 'Muster', TELEPHONE: '+41 21 613 21 11', COUNTRY: 'FR', BIRTHDATE: '1990-02-30' }),
    ];
    for (const c of contacts) expect(build(c)).toEqual(buildExportRow(c, options, rules));
  });
});
