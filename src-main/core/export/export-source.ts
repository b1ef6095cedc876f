import type { Database } from 'better-sqlite3';
import type { Contact, ContactData, ContactKind, Operation } from '../../../shared/domain';

const SELECT =
  "SELECT id, source_row_id, source_id, data, cleared_json, kind_override, operation, merged_into FROM contacts WHERE id > ? AND status = 'active' ORDER BY id LIMIT ?";

type RawRow = [number, number | null, number | null, string, string, string | null, string, number | null];

/** Shared by every contact with nothing to clear (the usual case): saves a JSON.parse per row. */
const NOTHING_CLEARED: string[] = [];

/**
 * The active contacts in id order, in batches (keyset pagination: no cursor stays open across
 * the export's awaits), read as raw rows with one prepared statement. Same contacts as
 * iterateContacts(db), built without the per-row object detour.
 */
export function* exportContacts(db: Database, batchSize = 2000): Generator<Contact[]> {
  const stmt = db.prepare(SELECT).raw(true);
  let after = 0;
  for (;;) {
    const rows = stmt.all(after, batchSize) as RawRow[];
    if (rows.length === 0) return;
    after = rows[rows.length - 1]![0];
    const batch = new Array<Contact>(rows.length);
    for (let i = 0; i < rows.length; i++) {
      const r = rows[i]!;
      batch[i] = {
        id: r[0],
        sourceRowId: r[1],
        sourceId: r[2],
        data: JSON.parse(r[3]) as ContactData,
        cleared: r[4] === '[]' ? NOTHING_CLEARED : (JSON.parse(r[4]) as string[]),
        kindOverride: r[5] as ContactKind | null,
        operation: r[6] as Operation,
        status: 'active',
        mergedInto: r[7],
      };
    }
    yield batch;
  }
}
