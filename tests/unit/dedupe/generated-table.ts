import { RecordBuilder, type RecordTable } from '../../../src-main/core/dedupe/records';
import { generateContacts } from '../../bench/generate-contacts';
import { generatedContact } from '../../integration/dedupe/csv-contacts';

/**
 * Record table of `rows` generated CRM contacts (persons, persons of a company, ~10%
 * near-duplicates). The generator makes no company-only rows, so each row with a company is
 * also added once without the person's names: a structure.
 */
export function generatedTable(rows: number, seed?: number): RecordTable {
  const rb = new RecordBuilder(rows);
  let id = 0;
  for (const { row } of generateContacts(rows, seed)) {
    const contact = generatedContact(row);
    rb.add(++id, contact);
    if (contact.OFFICIAL_NAME) rb.add(++id, { ...contact, FIRSTNAME: '', LASTNAME: '', BIRTHDATE: '' });
  }
  return rb.finish();
}
