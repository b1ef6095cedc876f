import type { Database } from 'better-sqlite3';
import type { Contact, ContactData, ContactKind, ContactStatus, Operation } from '../../../shared/domain';
import { AppError } from '../../../shared/errors';

interface ContactDbRow {
  id: number;
  source_row_id: number | null;
  source_id: number | null;
  data: string;
  cleared_json: string;
  kind_override: string | null;
  operation: string;
  status: string;
  merged_into: number | null;
}

const SELECT =
  'SELECT id, source_row_id, source_id, data, cleared_json, kind_override, operation, status, merged_into FROM contacts';

export function contactFromRow(r: ContactDbRow): Contact {
  return {
    id: r.id,
    sourceRowId: r.source_row_id,
    sourceId: r.source_id,
    data: JSON.parse(r.data) as ContactData,
    cleared: JSON.parse(r.cleared_json) as string[],
    kindOverride: r.kind_override as ContactKind | null,
    operation: r.operation as Operation,
    status: r.status as ContactStatus,
    mergedInto: r.merged_into,
  };
}

export function getContact(db: Database, id: number): Contact | undefined {
  const r = db.prepare(`${SELECT} WHERE id = ?`).get(id) as ContactDbRow | undefined;
  return r && contactFromRow(r);
}

export function requireContact(db: Database, id: number): Contact {
  const c = getContact(db, id);
  if (!c) throw new AppError('contact.not-found', `Contact ${id} does not exist in this workspace.`, { id });
  return c;
}

export function getContacts(db: Database, ids: readonly number[]): Map<number, Contact> {
  const out = new Map<number, Contact>();
  const stmt = db.prepare(`${SELECT} WHERE id = ?`);
  for (const id of ids) {
    const r = stmt.get(id) as ContactDbRow | undefined;
    if (r) out.set(id, contactFromRow(r));
  }
  return out;
}

/**
 * Iterates contacts in id order in batches (keyset pagination), so 1M rows never sit in memory.
 * `status` defaults to active contacts only.
 */
export function* iterateContacts(
  db: Database,
  options: { batchSize?: number; status?: ContactStatus | 'all' } = {},
): Generator<Contact[]> {
  const batchSize = options.batchSize ?? 5000;
  const status = options.status ?? 'active';
  const stmt = db.prepare(
    status === 'all'
      ? `${SELECT} WHERE id > ? ORDER BY id LIMIT ?`
      : `${SELECT} WHERE id > ? AND status = '${status}' ORDER BY id LIMIT ?`,
  );
  let after = 0;
  for (;;) {
    const rows = stmt.all(after, batchSize) as ContactDbRow[];
    if (rows.length === 0) return;
    after = rows[rows.length - 1]!.id;
    yield rows.map(contactFromRow);
  }
}

export function countContacts(db: Database, status: ContactStatus | 'all' = 'active'): number {
  const row = (
    status === 'all'
      ? db.prepare('SELECT count(*) AS n FROM contacts').get()
      : db.prepare('SELECT count(*) AS n FROM contacts WHERE status = ?').get(status)
  ) as { n: number };
  return row.n;
}

export interface NewContact {
  sourceRowId?: number | null;
  sourceId?: number | null;
  data: ContactData;
  operation?: Operation;
  kindOverride?: ContactKind | null;
}

/** Prepared inserter for bulk creation (mapping apply, reference loads); caller owns the transaction. */
export function contactInserter(db: Database): (c: NewContact) => number {
  const stmt = db.prepare(
    'INSERT INTO contacts(source_row_id, source_id, data, operation, kind_override, updated_at) VALUES (?, ?, ?, ?, ?, ?)',
  );
  const now = new Date().toISOString();
  return (c) =>
    Number(
      stmt.run(
        c.sourceRowId ?? null,
        c.sourceId ?? null,
        JSON.stringify(withoutEmpty(c.data)),
        c.operation ?? 'INSERT',
        c.kindOverride ?? null,
        now,
      ).lastInsertRowid,
    );
}

/** Empty strings are not stored: an absent key is the one representation of "no value". */
export function withoutEmpty(data: ContactData): ContactData {
  const out: ContactData = {};
  for (const [k, v] of Object.entries(data)) if (v !== '' && v != null) out[k] = v;
  return out;
}
