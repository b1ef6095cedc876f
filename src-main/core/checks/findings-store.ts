import type { Database } from 'better-sqlite3';
import type { Finding, Severity } from './check';
import type { PackedValues } from './finding-batch';

/** A finding as stored: the check's Finding plus its row id in the findings table. */
export interface StoredFinding extends Finding {
  id: number;
}

/** A finding with the provenance of its contact, for listings and reports. */
export interface ListedFinding extends StoredFinding {
  sourceFile: string | null;
  sheet: string | null;
  rowNumber: number | null;
}

export interface FindingFilter {
  code?: string;
  field?: string;
  severity?: Severity;
  contactId?: number;
}

interface FindingDbRow {
  id: number;
  contact_id: number;
  field: string;
  code: string;
  severity: Severity;
  message_key: string;
  params_json: string;
  message: string;
  suggestion_json: string | null;
  confidence: number;
}

const COLUMNS =
  'f.id, f.contact_id, f.field, f.code, f.severity, f.message_key, f.params_json, f.message, f.suggestion_json, f.confidence';

function fromRow(r: FindingDbRow): StoredFinding {
  const f: StoredFinding = {
    id: r.id,
    rowId: r.contact_id,
    field: r.field,
    code: r.code,
    severity: r.severity,
    messageKey: r.message_key,
    params: JSON.parse(r.params_json) as Record<string, string | number>,
    message: r.message,
    confidence: r.confidence,
  };
  if (r.suggestion_json) f.suggestion = JSON.parse(r.suggestion_json) as Record<string, string | null>;
  return f;
}

/** Number of values per finding in insert order (see findingValues). */
export const FINDING_WIDTH = 9;

/** How a finding's params and suggestion become JSON text (a check may bring a faster one). */
export interface FindingEncoder {
  params(params: Finding['params']): string;
  suggestion(suggestion: NonNullable<Finding['suggestion']>): string;
}

const JSON_ENCODER: FindingEncoder = { params: JSON.stringify, suggestion: JSON.stringify };

/** Appends a finding's insert values to a flat array (one array per batch, not one per finding). */
export function pushFindingValues(out: unknown[], f: Finding, encode: FindingEncoder = JSON_ENCODER): void {
  out.push(
    f.rowId,
    f.field,
    f.code,
    f.severity,
    f.messageKey,
    encode.params(f.params),
    f.message,
    f.suggestion ? encode.suggestion(f.suggestion) : null,
    f.confidence,
  );
}

/** Values bound by the insert statement, in FINDINGS_COLUMNS order (without id). */
export function findingValues(f: Finding): unknown[] {
  const values: unknown[] = [];
  pushFindingValues(values, f);
  return values;
}

const INSERT_COLUMNS =
  'contact_id, field, code, severity, message_key, params_json, message, suggestion_json, confidence';
const ROWS_PER_STATEMENT = 64;

/**
 * Bulk insert for a checks run from a batch's packed values (FINDING_WIDTH per finding): 64
 * findings per statement, several times faster than one statement per finding. The parameters
 * are read through the batch's refs into one reused array (no slice per statement).
 * Caller owns the transaction.
 */
export function findingBulkInserter(db: Database, table: string): (batch: PackedValues) => void {
  const one = `(${Array(FINDING_WIDTH).fill('?').join(',')})`;
  const many = db.prepare(
    `INSERT INTO ${table}(${INSERT_COLUMNS}) VALUES ${Array(ROWS_PER_STATEMENT).fill(one).join(',')}`,
  );
  const single = db.prepare(`INSERT INTO ${table}(${INSERT_COLUMNS}) VALUES ${one}`);
  const chunk = ROWS_PER_STATEMENT * FINDING_WIDTH;
  const manyParams = new Array<unknown>(chunk);
  const singleParams = new Array<unknown>(FINDING_WIDTH);
  return ({ distinct, refs }) => {
    let i = 0;
    for (; i + chunk <= refs.length; i += chunk) {
      for (let j = 0; j < chunk; j++) manyParams[j] = distinct[refs[i + j]!];
      many.run(manyParams);
    }
    for (; i < refs.length; i += FINDING_WIDTH) {
      for (let j = 0; j < FINDING_WIDTH; j++) singleParams[j] = distinct[refs[i + j]!];
      single.run(singleParams);
    }
  };
}

/** A prepared insert into `findings` or a staging table with the same columns. Caller owns the transaction. */
export function findingInserter(db: Database, table = 'findings'): (values: unknown[]) => void {
  const stmt = db.prepare(
    `INSERT INTO ${table}(contact_id, field, code, severity, message_key, params_json, message, suggestion_json, confidence)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  return (values) => void stmt.run(values);
}

/** Replaces the findings of some contacts (re-check after an edit) in one transaction. */
export function replaceFindingsOf(
  db: Database,
  contactIds: readonly number[],
  findings: readonly Finding[],
): void {
  const del = db.prepare('DELETE FROM findings WHERE contact_id = ?');
  const insert = findingInserter(db);
  db.transaction(() => {
    for (const id of contactIds) del.run(id);
    for (const f of findings) insert(findingValues(f));
  })();
}

function where(filter: FindingFilter): { sql: string; params: unknown[] } {
  const parts: string[] = [];
  const params: unknown[] = [];
  const add = (sql: string, value: unknown) => {
    parts.push(sql);
    params.push(value);
  };
  if (filter.code) add('f.code = ?', filter.code);
  if (filter.field) add('f.field = ?', filter.field);
  if (filter.severity) add('f.severity = ?', filter.severity);
  if (filter.contactId !== undefined) add('f.contact_id = ?', filter.contactId);
  return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params };
}

export function getFinding(db: Database, id: number): StoredFinding | undefined {
  const r = db.prepare(`SELECT ${COLUMNS} FROM findings f WHERE f.id = ?`).get(id) as
    FindingDbRow | undefined;
  return r && fromRow(r);
}

export function findingsOfContacts(db: Database, contactIds: readonly number[]): StoredFinding[] {
  const stmt = db.prepare(`SELECT ${COLUMNS} FROM findings f WHERE f.contact_id = ? ORDER BY f.id`);
  return contactIds.flatMap((id) => (stmt.all(id) as FindingDbRow[]).map(fromRow));
}

/**
 * One page of findings in (contact, id) order with the source file and row number of each contact.
 * Keyset paging: pass the last `id` seen as `afterId` (stable while fixes change other rows).
 */
export function listFindings(
  db: Database,
  filter: FindingFilter = {},
  page: { limit?: number; afterId?: number; offset?: number } = {},
): ListedFinding[] {
  const w = where(filter);
  const keyset = page.afterId !== undefined ? `${w.sql ? `${w.sql} AND` : 'WHERE'} f.id > ?` : w.sql;
  const params = page.afterId !== undefined ? [...w.params, page.afterId] : w.params;
  const rows = db
    .prepare(
      `SELECT ${COLUMNS}, s.file_name, s.sheet, r.row_number FROM findings f
       LEFT JOIN contacts c ON c.id = f.contact_id
       LEFT JOIN source_rows r ON r.id = c.source_row_id
       LEFT JOIN sources s ON s.id = r.source_id
       ${keyset} ORDER BY f.id LIMIT ? OFFSET ?`,
    )
    .all(...params, page.limit ?? 100, page.afterId !== undefined ? 0 : (page.offset ?? 0)) as Array<
    FindingDbRow & { file_name: string | null; sheet: string | null; row_number: number | null }
  >;
  return rows.map((r) => ({
    ...fromRow(r),
    sourceFile: r.file_name,
    sheet: r.sheet,
    rowNumber: r.row_number,
  }));
}

/** Iterates every finding matching a filter (CLI export), in id order, without holding them all. */
export function* iterateFindings(
  db: Database,
  filter: FindingFilter = {},
  batch = 5000,
): Generator<ListedFinding> {
  let afterId = 0;
  for (;;) {
    const page = listFindings(db, filter, { limit: batch, afterId });
    if (page.length === 0) return;
    yield* page;
    afterId = page[page.length - 1]!.id;
  }
}

export interface FindingFacets {
  total: number;
  byCode: Array<{ code: string; severity: Severity; count: number; fixable: number }>;
  byField: Array<{ field: string; count: number }>;
  bySeverity: Array<{ severity: Severity; count: number }>;
}

/** Counts for the UI's facets and the CLI summary; `filter` narrows like listFindings. */
export function findingFacets(db: Database, filter: FindingFilter = {}): FindingFacets {
  const w = where(filter);
  const byCode = db
    .prepare(
      `SELECT f.code, f.severity, count(*) AS count, count(f.suggestion_json) AS fixable FROM findings f ${w.sql}
       GROUP BY f.code, f.severity ORDER BY count DESC, f.code`,
    )
    .all(...w.params) as FindingFacets['byCode'];
  const byField = db
    .prepare(
      `SELECT f.field, count(*) AS count FROM findings f ${w.sql} GROUP BY f.field ORDER BY count DESC`,
    )
    .all(...w.params) as FindingFacets['byField'];
  const bySeverity = db
    .prepare(`SELECT f.severity, count(*) AS count FROM findings f ${w.sql} GROUP BY f.severity`)
    .all(...w.params) as FindingFacets['bySeverity'];
  return { total: byCode.reduce((n, r) => n + r.count, 0), byCode, byField, bySeverity };
}
