import { describe, expect, it } from 'vitest';
import type { ContactData } from '../../../shared/domain';
import { F, RecordBuilder, type RecordTable } from '../../../src-main/core/dedupe/records';
import { generateContacts } from '../../bench/generate-contacts';
import { generatedContact } from '../../integration/dedupe/csv-contacts';

const plain = (t: RecordTable) => ({
  n: t.n,
  ids: Array.from(t.ids),
  kind: Array.from(t.kind),
  columns: t.columns.map((c) => ({ dict: c.dict, codes: Array.from(c.codes) })),
});

describe('RecordBuilder.addMany (field by field)', () => {
  it('builds the very table of add() row by row, whatever the batch sizes', () => {
    const contacts: ContactData[] = [];
    for (const { row } of generateContacts(3000, 21)) contacts.push(generatedContact(row));
    // glued postcode+town, other countries' phones, structures, kind overrides, empty rows
    contacts.push(
      { LASTNAME: 'Muster', TOWN: '1003 Lausanne', CELLPHONE: '079 123 45 67', COUNTRY: 'CH' },
      { LASTNAME: 'Muster', TOWN: 'CH-8001 Zürich', TELEPHONE: '01 23 45 67 89', COUNTRY: 'France' },
      { OFFICIAL_NAME: 'Migros AG', LINE1: 'Limmatstr. 152', ZIPCODE: '8005', TOWN: 'Zürich' },
      {},
    );
    const override = (i: number) => (i % 97 === 0 ? 'structure' : null);
    const one = new RecordBuilder(16);
    contacts.forEach((c, i) => one.add(i + 1, c, override(i)));
    const reference = plain(one.finish());
    for (const size of [1, 7, 500, contacts.length]) {
      const many = new RecordBuilder(16);
      for (let from = 0; from < contacts.length; from += size) {
        const part = contacts.slice(from, from + size);
        many.addMany(
          part.map((_, k) => from + k + 1),
          part,
          part.map((_, k) => override(from + k)),
        );
      }
      expect(plain(many.finish())).toEqual(reference);
    }
    for (const f of [F.first, F.last, F.dob, F.email, F.mobile, F.phone, F.street, F.zip, F.town, F.org])
      expect(reference.columns[f]!.dict.length).toBeGreaterThan(2);
  });
});
