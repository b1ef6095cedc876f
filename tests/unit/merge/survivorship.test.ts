import { describe, expect, it } from 'vitest';
import type { Contact, ContactData } from '../../../shared/domain';
import { resolveSurvivorship } from '../../../src-main/core/dedupe/survivorship';
import {
  compareNumbers,
  completeness,
  type MergeMember,
} from '../../../src-main/core/dedupe/survivorship-rules';
import { makeContact } from '../../helpers/contact';

const OLD = { id: 1, fileName: 'old.xlsx', importedAt: '2026-01-01T00:00:00Z' };
const NEW = { id: 2, fileName: 'new.csv', importedAt: '2026-06-01T00:00:00Z' };

function member(
  id: number,
  data: ContactData,
  source: typeof OLD | null = OLD,
  extra: Partial<Contact> = {},
): MergeMember {
  return {
    contact: makeContact(data, { id, sourceRowId: id * 10, sourceId: source?.id ?? null, ...extra }),
    source,
    rowNumber: id + 1,
  };
}

describe('survivorship', () => {
  it('two different emails: the most recent stays EMAIL1, the other moves to EMAIL2', () => {
    const r = resolveSurvivorship([
      member(1, { LASTNAME: 'Rossi', EMAIL1: 'old@x.ch' }, OLD),
      member(2, { LASTNAME: 'Rossi', EMAIL1: 'new@x.ch' }, NEW),
    ]);
    expect(r.data).toMatchObject({ EMAIL1: 'new@x.ch', EMAIL2: 'old@x.ch' });
    expect(r.conflicts).toEqual([
      expect.objectContaining({ field: 'EMAIL1', value: 'old@x.ch', resolution: 'moved', movedTo: 'EMAIL2' }),
    ]);
  });

  it('the same email in another case is one email, not a conflict', () => {
    const r = resolveSurvivorship([
      member(1, { EMAIL1: 'Anna@X.ch' }),
      member(2, { EMAIL1: 'anna@x.ch' }, NEW),
    ]);
    expect(r.data.EMAIL2).toBeUndefined();
    expect(r.conflicts).toEqual([]);
  });

  it('a fourth distinct email is reported lost with its file and row', () => {
    const r = resolveSurvivorship([
      member(1, { EMAIL1: 'a@x.ch', EMAIL2: 'b@x.ch' }, OLD),
      member(2, { EMAIL1: 'c@x.ch', EMAIL2: 'd@x.ch' }, NEW),
    ]);
    expect([r.data.EMAIL1, r.data.EMAIL2, r.data.EMAIL3]).toEqual(['c@x.ch', 'a@x.ch', 'd@x.ch']);
    const lost = r.conflicts.filter((c) => c.resolution === 'lost');
    expect(lost).toEqual([
      expect.objectContaining({
        field: 'EMAIL2',
        value: 'b@x.ch',
        origin: expect.objectContaining({ contactId: 1, fileName: 'old.xlsx', rowNumber: 2 }),
      }),
    ]);
  });

  it('three phones: TELEPHONE and CELLPHONE filled by line type, the third reported as a conflict', () => {
    const r = resolveSurvivorship([
      member(1, { COUNTRY: 'CH', TELEPHONE: '022 700 00 00' }, OLD),
      member(2, { COUNTRY: 'CH', TELEPHONE: '021 613 21 11', CELLPHONE: '079 123 45 67' }, NEW),
    ]);
    expect(r.data).toMatchObject({ TELEPHONE: '021 613 21 11', CELLPHONE: '079 123 45 67' });
    expect(r.conflicts).toEqual([
      expect.objectContaining({ field: 'TELEPHONE', value: '022 700 00 00', resolution: 'lost' }),
    ]);
  });

  it('a mobile number typed in TELEPHONE moves to a free CELLPHONE', () => {
    const r = resolveSurvivorship([
      member(1, { COUNTRY: 'Suisse', TELEPHONE: '+41 79 123 45 67' }, OLD),
      member(2, { COUNTRY: 'CH', TELEPHONE: '021 613 21 11' }, NEW),
    ]);
    expect(r.data).toMatchObject({ TELEPHONE: '021 613 21 11', CELLPHONE: '+41 79 123 45 67' });
    expect(r.conflicts).toEqual([expect.objectContaining({ resolution: 'moved', movedTo: 'CELLPHONE' })]);
  });

  it('the same phone written two ways (0041 vs 0…) is one number', () => {
    const r = resolveSurvivorship([
      member(1, { COUNTRY: 'CH', TELEPHONE: '0041 21 613 21 11' }),
      member(2, { COUNTRY: 'CH', TELEPHONE: '021 613 21 11' }, NEW),
    ]);
    expect(r.conflicts).toEqual([]);
    expect(r.data.CELLPHONE).toBeUndefined();
  });

  it('phones of rows without COUNTRY are read in the default country: +41 79… equals 079…', () => {
    const r = resolveSurvivorship(
      [member(1, { CELLPHONE: '+41 79 123 45 67' }), member(2, { TELEPHONE: '079 123 45 67' }, NEW)],
      { defaultCountry: 'CH' },
    );
    // one number: kept once, in CELLPHONE (a mobile), never as a second phone
    expect(r.conflicts.filter((c) => c.resolution === 'lost')).toEqual([]);
    expect(r.data.TELEPHONE).toBeUndefined();
    expect(r.data.CELLPHONE).toBe('079 123 45 67');
  });

  it('survivor keeps the lowest CONTACT_NR, compared as a number, leading zeros kept', () => {
    const r = resolveSurvivorship([
      member(1, { CONTACT_NR: '00012', LASTNAME: 'Meier' }),
      member(2, { CONTACT_NR: '9', LASTNAME: 'Meier' }, NEW),
      member(3, { LASTNAME: 'Meier' }, NEW),
    ]);
    expect(r.survivorId).toBe(2);
    expect(r.data.CONTACT_NR).toBe('9');
    expect(r.conflicts).toEqual([
      expect.objectContaining({ field: 'CONTACT_NR', value: '00012', resolution: 'lost' }),
    ]);
    expect(compareNumbers('00012', '12')).toBe(0);
    expect(compareNumbers('99999999999999999999', '100000000000000000000')).toBeLessThan(0);
  });

  it('an existing SecuTix number (UPDATE row) wins over a lower new number and keeps UPDATE', () => {
    const r = resolveSurvivorship([
      member(1, { CONTACT_NR: '5' }),
      member(2, { CONTACT_NR: '880001' }, OLD, { operation: 'UPDATE' }),
    ]);
    expect(r).toMatchObject({ survivorId: 2, operation: 'UPDATE', data: { CONTACT_NR: '880001' } });
  });

  it('two existing SecuTix contacts merged: the other number is reported, never silently dropped', () => {
    const r = resolveSurvivorship([
      member(1, { CONTACT_NR: '700200' }, OLD, { operation: 'UPDATE' }),
      member(2, { CONTACT_NR: '700100' }, NEW, { operation: 'UPDATE' }),
    ]);
    expect(r).toMatchObject({ survivorId: 2, operation: 'UPDATE' });
    expect(r.conflicts).toEqual([
      expect.objectContaining({
        field: 'CONTACT_NR',
        value: '700200',
        resolution: 'lost',
        reason: expect.stringContaining('deactivate it in SecuTix'),
      }),
    ]);
  });

  it('without any number the oldest contact survives', () => {
    const r = resolveSurvivorship([member(7, { LASTNAME: 'A' }, NEW), member(3, { LASTNAME: 'A' })]);
    expect(r.survivorId).toBe(3);
  });

  it('names keep the most complete spelling: Müller beats MULLER and Muller', () => {
    const r = resolveSurvivorship([
      member(1, { LASTNAME: 'Müller' }),
      member(2, { LASTNAME: 'MULLER' }, NEW),
      member(3, { LASTNAME: 'Muller' }, NEW),
    ]);
    expect(r.data.LASTNAME).toBe('Müller');
    expect(r.conflicts).toEqual([]); // spelling variants are not conflicts
    expect(completeness('Jean-Luc')).toEqual([7, 0, 1]);
  });

  it('user pick overrides the rule: a member value or a typed value, with provenance', () => {
    const members = [
      member(1, { LASTNAME: 'Müller', FIRSTNAME: 'Hans' }),
      member(2, { LASTNAME: 'Mueller', FIRSTNAME: 'H.' }, NEW),
    ];
    const r = resolveSurvivorship(members, {
      picks: { LASTNAME: { contactId: 2 }, FIRSTNAME: { value: 'Johannes' } },
    });
    expect(r.data).toMatchObject({ LASTNAME: 'Mueller', FIRSTNAME: 'Johannes' });
    expect(r.values.find((v) => v.field === 'LASTNAME')).toMatchObject({
      rule: 'userPick',
      origin: { contactId: 2 },
    });
    expect(r.values.find((v) => v.field === 'FIRSTNAME')).toMatchObject({
      rule: 'userPick',
      origin: { contactId: null },
    });
    expect(() => resolveSurvivorship(members, { picks: { LASTNAME: { contactId: 99 } } })).toThrow(
      /not a member/,
    );
  });

  it('the address is taken as one block, never LINE1 of one contact with ZIPCODE of another', () => {
    const r = resolveSurvivorship([
      member(1, { LINE1: 'Rue du Lac 1', LINE2: 'c/o Dupont', ZIPCODE: '1000', TOWN: 'Lausanne' }, OLD),
      member(2, { LINE1: 'Bahnhofstr. 5', TOWN: 'Zürich' }, NEW),
    ]);
    expect(r.data).toMatchObject({ LINE1: 'Bahnhofstr. 5', TOWN: 'Zürich' });
    expect(r.data.LINE2).toBeUndefined();
    expect(r.data.ZIPCODE).toBeUndefined();
    expect(r.conflicts).toEqual([
      expect.objectContaining({
        field: 'ADDRESS',
        value: expect.stringContaining('Rue du Lac 1'),
        resolution: 'lost',
      }),
    ]);
  });

  it('an address holding only a country does not beat a full address', () => {
    const r = resolveSurvivorship([
      member(1, { LINE1: 'Rue du Lac 1', ZIPCODE: '1000', TOWN: 'Lausanne', COUNTRY: 'CH' }, OLD),
      member(2, { COUNTRY: 'FR' }, NEW),
    ]);
    expect(r.data).toMatchObject({ LINE1: 'Rue du Lac 1', COUNTRY: 'CH' });
    expect(r.conflicts).toEqual([
      expect.objectContaining({ field: 'ADDRESS', value: 'FR', resolution: 'lost' }),
    ]);
  });

  it('preferredSource takes the chosen file even when it is older', () => {
    const r = resolveSurvivorship(
      [member(1, { TITLE: 'MR', REMARK: 'vip' }, OLD), member(2, { TITLE: 'MRS' }, NEW)],
      { rules: { TITLE: { rule: 'preferredSource', sourceId: OLD.id } } },
    );
    expect(r.data.TITLE).toBe('MR');
    expect(r.data.REMARK).toBe('vip'); // the only value of a field always survives
    expect(r.conflicts).toEqual([
      expect.objectContaining({ field: 'TITLE', value: 'MRS', resolution: 'lost' }),
    ]);
  });

  it('mostRecentSource follows import time, not contact id', () => {
    const r = resolveSurvivorship([
      member(1, { BIRTHDATE: '01.02.1980' }, NEW),
      member(2, { BIRTHDATE: '02.01.1980' }, OLD),
    ]);
    expect(r.data.BIRTHDATE).toBe('01.02.1980');
  });

  it('refuses a merge of fewer than two contacts', () => {
    expect(() => resolveSurvivorship([member(1, {})])).toThrow(/at least two/);
  });
});
