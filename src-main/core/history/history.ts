import type { Database, Statement } from 'better-sqlite3';
import type { ChangeValue, Contact, HistoryChange, HistoryOpSummary } from '../../../shared/domain';
import { META_ATTRIBUTES } from '../../../shared/domain';
import { AppError } from '../../../shared/errors';
import type { Workspace } from '../db/workspace';
import { getContacts } from '../contacts/contact-store';

/** A requested change: the new value of one attribute of one contact. Before values are read here. */
export interface ChangeRequest {
  contactId: number;
  /** A SecuTix field code (`EMAIL1`) or a meta attribute (`@status`, `@mergedInto`, …). */
  attribute: string;
  after: ChangeValue;
}

export interface OperationInfo {
  /** What kind of user action: `edit`, `bulk-edit`, `fix`, `bulk-fix`, `merge`, `qualify`, … */
  kind: string;
  /** Human label for the history list: "Fix email typo (12 rows)". */
  label: string;
  /** The rule that produced it (check code, survivorship rule) — part of the audit trail. */
  rule?: string;
  details?: Record<string, unknown>;
}

export interface AppliedOperation {
  opId: number | null;
  changed: number;
  contactIds: number[];
}

const META_COLUMN: Record<(typeof META_ATTRIBUTES)[number], string> = {
  '@status': 'status',
  '@mergedInto': 'merged_into',
  '@operation': 'operation',
  '@kindOverride': 'kind_override',
  '@cleared': 'cleared_json',
};

function isMeta(attribute: string): attribute is (typeof META_ATTRIBUTES)[number] {
  return (META_ATTRIBUTES as readonly string[]).includes(attribute);
}

function sameValue(a: ChangeValue, b: ChangeValue): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/**
 * Writes values (already computed) onto contacts. Shared by apply, undo and redo so the three
 * can never disagree on how a value is stored. Caller owns the transaction.
 */
function writeValues(
  db: Database,
  values: Array<{ contactId: number; attribute: string; value: ChangeValue }>,
): number[] {
  const byContact = new Map<number, Array<{ attribute: string; value: ChangeValue }>>();
  for (const v of values) {
    let list = byContact.get(v.contactId);
    if (!list) byContact.set(v.contactId, (list = []));
    list.push(v);
  }
  const contacts = getContacts(db, [...byContact.keys()]);
  const now = new Date().toISOString();
  const updateData = db.prepare('UPDATE contacts SET data = ?, updated_at = ? WHERE id = ?');
  const metaStmts = new Map<string, Statement>();
  for (const [contactId, list] of byContact) {
    const contact = contacts.get(contactId);
    if (!contact)
      throw new AppError('contact.not-found', `Contact ${contactId} does not exist in this workspace.`, {
        contactId,
      });
    let dataChanged = false;
    for (const { attribute, value } of list) {
      if (isMeta(attribute)) {
        const column = META_COLUMN[attribute];
        let stmt = metaStmts.get(column);
        if (!stmt)
          metaStmts.set(
            column,
            (stmt = db.prepare(`UPDATE contacts SET ${column} = ?, updated_at = ? WHERE id = ?`)),
          );
        const stored = attribute === '@cleared' ? JSON.stringify(value ?? []) : value;
        stmt.run(stored, now, contactId);
      } else {
        dataChanged = true;
        if (value === null || value === '') delete contact.data[attribute];
        else contact.data[attribute] = String(value);
      }
    }
    if (dataChanged) updateData.run(JSON.stringify(contact.data), now, contactId);
  }
  return [...byContact.keys()];
}

function readValue(contact: Contact, attribute: string): ChangeValue {
  switch (attribute) {
    case '@status':
      return contact.status;
    case '@mergedInto':
      return contact.mergedInto;
    case '@operation':
      return contact.operation;
    case '@kindOverride':
      return contact.kindOverride;
    case '@cleared':
      return contact.cleared;
    default:
      return contact.data[attribute] ?? null;
  }
}

/** Computes the before/after pairs of a request without writing anything (for previews). */
export function previewChanges(db: Database, requests: readonly ChangeRequest[]): HistoryChange[] {
  const contacts = getContacts(db, [...new Set(requests.map((r) => r.contactId))]);
  const out: HistoryChange[] = [];
  for (const r of requests) {
    const c = contacts.get(r.contactId);
    if (!c)
      throw new AppError('contact.not-found', `Contact ${r.contactId} does not exist in this workspace.`, {
        contactId: r.contactId,
      });
    const before = readValue(c, r.attribute);
    const after = r.after === '' ? null : r.after;
    if (!sameValue(before, after))
      out.push({ contactId: r.contactId, attribute: r.attribute, before, after });
  }
  return out;
}

/** Requests are processed in chunks so a million-row bulk fix never holds every contact in memory. */
const CHUNK = 2000;

/**
 * Applies a user-visible change as one history operation: before values are read, the change is
 * recorded and applied in one transaction, and any redo side is dropped. No-op changes are skipped;
 * if nothing changes, no operation is recorded.
 */
export function applyOperation(
  ws: Workspace,
  info: OperationInfo,
  requests: readonly ChangeRequest[],
): AppliedOperation {
  const db = ws.db;
  const result = db.transaction((): AppliedOperation => {
    const opId = Number(
      db
        .prepare(
          'INSERT INTO history_ops(created_at, kind, label, rule, details_json, change_count) VALUES (?, ?, ?, ?, ?, 0)',
        )
        .run(
          new Date().toISOString(),
          info.kind,
          info.label,
          info.rule ?? null,
          JSON.stringify(info.details ?? {}),
        ).lastInsertRowid,
    );
    const ins = db.prepare(
      'INSERT INTO history_changes(op_id, contact_id, attribute, before_json, after_json) VALUES (?, ?, ?, ?, ?)',
    );
    const touched = new Set<number>();
    let changed = 0;
    // Each chunk reads its before values after the previous chunk was written, so a contact that
    // appears in several chunks still gets a correct before → after chain.
    for (let i = 0; i < requests.length; i += CHUNK) {
      const changes = previewChanges(db, requests.slice(i, i + CHUNK));
      for (const c of changes)
        ins.run(opId, c.contactId, c.attribute, JSON.stringify(c.before), JSON.stringify(c.after));
      const ids = writeValues(
        db,
        changes.map((c) => ({ contactId: c.contactId, attribute: c.attribute, value: c.after })),
      );
      for (const id of ids) touched.add(id);
      changed += changes.length;
    }
    if (changed === 0) {
      db.prepare('DELETE FROM history_ops WHERE id = ?').run(opId);
      return { opId: null, changed: 0, contactIds: [] };
    }
    db.prepare('UPDATE history_ops SET change_count = ? WHERE id = ?').run(changed, opId);
    db.prepare("DELETE FROM history_ops WHERE state = 'undone'").run();
    return { opId, changed, contactIds: [...touched] };
  })();
  ws.notifyContactsChanged(result.contactIds);
  return result;
}

interface OpRow {
  id: number;
  created_at: string;
  kind: string;
  label: string;
  rule: string | null;
  change_count: number;
  state: 'done' | 'undone';
}

function summary(r: OpRow): HistoryOpSummary {
  return {
    id: r.id,
    createdAt: r.created_at,
    kind: r.kind,
    label: r.label,
    rule: r.rule,
    changeCount: r.change_count,
    state: r.state,
  };
}

function swap(
  ws: Workspace,
  op: OpRow,
  direction: 'undo' | 'redo',
): { op: HistoryOpSummary; contactIds: number[] } {
  const db = ws.db;
  const contactIds = db.transaction(() => {
    const order = direction === 'undo' ? 'DESC' : 'ASC';
    const page = db.prepare(
      `SELECT id, contact_id, attribute, before_json, after_json FROM history_changes
       WHERE op_id = ? AND id ${direction === 'undo' ? '<' : '>'} ? ORDER BY id ${order} LIMIT ?`,
    );
    const touched = new Set<number>();
    let cursor = direction === 'undo' ? Number.MAX_SAFE_INTEGER : 0;
    for (;;) {
      const rows = page.all(op.id, cursor, CHUNK) as Array<{
        id: number;
        contact_id: number;
        attribute: string;
        before_json: string;
        after_json: string;
      }>;
      if (rows.length === 0) break;
      cursor = rows[rows.length - 1]!.id;
      const ids = writeValues(
        db,
        rows.map((r) => ({
          contactId: r.contact_id,
          attribute: r.attribute,
          value: JSON.parse(direction === 'undo' ? r.before_json : r.after_json) as ChangeValue,
        })),
      );
      for (const id of ids) touched.add(id);
    }
    db.prepare('UPDATE history_ops SET state = ? WHERE id = ?').run(
      direction === 'undo' ? 'undone' : 'done',
      op.id,
    );
    return [...touched];
  })();
  ws.notifyContactsChanged(contactIds);
  return { op: summary({ ...op, state: direction === 'undo' ? 'undone' : 'done' }), contactIds };
}

/** Reverts the latest done operation; null when there is nothing to undo. */
export function undo(ws: Workspace): { op: HistoryOpSummary; contactIds: number[] } | null {
  const op = ws.db
    .prepare("SELECT * FROM history_ops WHERE state = 'done' ORDER BY id DESC LIMIT 1")
    .get() as OpRow | undefined;
  return op ? swap(ws, op, 'undo') : null;
}

/** Re-applies the earliest undone operation; null when there is nothing to redo. */
export function redo(ws: Workspace): { op: HistoryOpSummary; contactIds: number[] } | null {
  const op = ws.db
    .prepare("SELECT * FROM history_ops WHERE state = 'undone' ORDER BY id ASC LIMIT 1")
    .get() as OpRow | undefined;
  return op ? swap(ws, op, 'redo') : null;
}

export function listHistory(
  db: Database,
  options: { limit?: number; offset?: number } = {},
): HistoryOpSummary[] {
  const rows = db
    .prepare('SELECT * FROM history_ops ORDER BY id DESC LIMIT ? OFFSET ?')
    .all(options.limit ?? 100, options.offset ?? 0) as OpRow[];
  return rows.map(summary);
}

export function getOperationChanges(db: Database, opId: number): HistoryChange[] {
  const rows = db
    .prepare(
      'SELECT contact_id, attribute, before_json, after_json FROM history_changes WHERE op_id = ? ORDER BY id',
    )
    .all(opId) as Array<{ contact_id: number; attribute: string; before_json: string; after_json: string }>;
  return rows.map((r) => ({
    contactId: r.contact_id,
    attribute: r.attribute,
    before: JSON.parse(r.before_json) as ChangeValue,
    after: JSON.parse(r.after_json) as ChangeValue,
  }));
}

/** The audit trail: every change of every operation (done and undone), oldest first. */
export function* iterateAuditTrail(db: Database): Generator<
  {
    opId: number;
    createdAt: string;
    kind: string;
    label: string;
    rule: string | null;
    state: string;
  } & HistoryChange
> {
  const stmt = db.prepare(
    `SELECT o.id AS op_id, o.created_at, o.kind, o.label, o.rule, o.state, c.contact_id, c.attribute, c.before_json, c.after_json
     FROM history_changes c JOIN history_ops o ON o.id = c.op_id ORDER BY o.id, c.id`,
  );
  for (const r of stmt.iterate() as Iterable<Record<string, unknown>>) {
    yield {
      opId: r.op_id as number,
      createdAt: r.created_at as string,
      kind: r.kind as string,
      label: r.label as string,
      rule: (r.rule as string | null) ?? null,
      state: r.state as string,
      contactId: r.contact_id as number,
      attribute: r.attribute as string,
      before: JSON.parse(r.before_json as string) as ChangeValue,
      after: JSON.parse(r.after_json as string) as ChangeValue,
    };
  }
}
