import type { ContactData } from '../../shared/domain';
import { contactInserter } from '../../src-main/core/contacts/contact-store';
import type { Workspace } from '../../src-main/core/db/workspace';
import { generateContacts, type ContactRow } from './generate-contacts';

/**
 * Fills a bench workspace straight from generated records (no import/mapping), 10k rows per
 * transaction. Each section passes its own column → field map (raw values for checks, cleaned
 * codes for export) and says so in its bench output.
 */
export function fillFromGenerator(
  ws: Workspace,
  rows: number,
  toFields: (r: ContactRow) => ContactData,
): void {
  const insert = contactInserter(ws.db);
  const tx = ws.db.transaction((batch: ContactRow[]) => {
    for (const r of batch) insert({ data: toFields(r) });
  });
  let batch: ContactRow[] = [];
  for (const g of generateContacts(rows)) {
    batch.push(g.row);
    if (batch.length === 10_000) {
      tx(batch);
      batch = [];
    }
  }
  tx(batch);
}
