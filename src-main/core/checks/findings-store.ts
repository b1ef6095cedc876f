import type { Database } from 'better-sqlite3';
import type { Finding, Severity } from './check';
import type { PackedValues } from './finding-batch';
import { storedForm, templateOfKey } from './finding-template';

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

/** Number of values per finding as a batch carries them: row id, template key, a, b (see storedForm). */
export const FINDING_WIDTH = 4;

/**
 * How a finding's params and suggestion become JSON text (a check may bring a faster one). Like
 * JSON.stringify, an encoder must escape control characters (storedForm relies on it).
 */
export interface FindingEncoder {
  params(params: Finding['params']): string;
  suggestion(suggestion: NonNullable<Finding['suggestion']>): string;
}

const JSON_ENCODER: FindingEncoder = { params: JSON.stringify, suggestion: JSON.stringify };

/** Appends a finding's stored form to a flat array (one array per batch, not one per finding). */
export function pushFindingValues(out: unknown[], f: Finding, encode: FindingEncoder = JSON_ENCODER): void {
  const [key, a, b] = storedForm(
    f,
    encode.params(f.params),
    f.suggestion ? encode.suggestion(f.suggestion) : null,
  );
  out.push(f.rowId, key, a, b);
}

/** A finding's values as a batch carries them (FINDING_WIDTH of them). */
export function findingValues(f: Finding): unknown[] {
  const values: unknown[] = [];
  pushFindingValues(values, f);
  return values;
}

/** The staging (or live) pair of tables findings are written to. */
export interface FindingTables {
  rows: string;
  templates: string;
}

export const LIVE_FINDING_TABLES: FindingTables = { rows: 'finding_rows', templates: 'finding_templates' };

const TEMPLATE_COLUMNS =
  'key, field, code, severity, message_key, params_json, message, suggestion_json, confidence';
const ROW_COLUMNS = 'contact_id, template_id, a, b';
const ROWS_PER_STATEMENT = 128;

function templateParams(key: string): unknown[] {
  const t = templateOfKey(key);
  return [
    key,
    t.field,
    t.code,
    t.severity,
    t.messageKey,
    t.paramsJson,
    t.message,
    t.suggestionJson,
    t.confidence,
  ];
}

/**
 * Bulk insert for a checks run into empty staging tables, from a batch's packed values: each new
 * template once (ids given here, remembered for the run), then the rows 128 per statement (several
 * times faster than one statement per row). A batch's template keys are resolved once per
 * distinct key of the batch. Caller owns the transaction.
 */
export function findingBulkInserter(db: Database, tables: FindingTables): (batch: PackedValues) => void {
  const one = `(${Array(FINDING_WIDTH).fill('?').join(',')})`;
  const many = db.prepare(
    `INSERT INTO ${tables.rows}(${ROW_COLUMNS}) VALUES ${Array(ROWS_PER_STATEMENT).fill(one).join(',')}`,
  );
  const single = db.prepare(`INSERT INTO ${tables.rows}(${ROW_COLUMNS}) VALUES ${one}`);
  const addTemplate = db.prepare(
    `INSERT INTO ${tables.templates}(id, ${TEMPLATE_COLUMNS}) VALUES (?,?,?,?,?,?,?,?,?,?)`,
  );
  const templateIds = new Map<string, number>();
  const manyParams = new Array<unknown>(ROWS_PER_STATEMENT * FINDING_WIDTH);
  const singleParams = new Array<unknown>(FINDING_WIDTH);
  return ({ distinct, refs }) => {
    // Template id per distinct value of the batch (0 = not resolved yet).
    const local = new Int32Array(distinct.length);
    const templateOf = (ref: number): number => {
      let id = local[ref]!;
      if (id !== 0) return id;
      const key = distinct[ref] as string;
      id = templateIds.get(key) ?? 0;
      if (id === 0) {
        id = templateIds.size + 1;
        templateIds.set(key, id);
        addTemplate.run(id, ...templateParams(key));
      }
      return (local[ref] = id);
    };
    const fill = (params: unknown[], at: number, i: number) => {
      params[at] = distinct[refs[i]!];
      params[at + 1] = templateOf(refs[i + 1]!);
      params[at + 2] = distinct[refs[i + 2]!];
      params[at + 3] = distinct[refs[i + 3]!];
    };
    const chunk = ROWS_PER_STATEMENT * FINDING_WIDTH;
    let i = 0;
    for (; i + chunk <= refs.length; i += chunk) {
      for (let j = 0; j < chunk; j += FINDING_WIDTH) fill(manyParams, j, i + j);
      many.run(manyParams);
    }
    for (; i < refs.length; i += FINDING_WIDTH) {
      fill(singleParams, 0, i);
      single.run(singleParams);
    }
  };
}

/**
 * Writes findings into the live tables one at a time (re-checks): a template is looked up by its
 * key and added when new. Caller owns the transaction.
 */
function findingWriter(db: Database): (f: Finding) => void {
  const { rows, templates } = LIVE_FINDING_TABLES;
  const findTemplate = db.prepare(`SELECT id FROM ${templates} WHERE key = ?`).pluck();
  const addTemplate = db.prepare(`INSERT INTO ${templates}(${TEMPLATE_COLUMNS}) VALUES (?,?,?,?,?,?,?,?,?)`);
  const addRow = db.prepare(`INSERT INTO ${rows}(${ROW_COLUMNS}) VALUES (?,?,?,?)`);
  const known = new Map<string, number>();
  return (f) => {
    const [contactId, key, a, b] = findingValues(f) as [number, string, string | null, string | null];
    let id = known.get(key);
    if (id === undefined) {
      id =
        (findTemplate.get(key) as number | undefined) ??
        Number(addTemplate.run(...templateParams(key)).lastInsertRowid);
      known.set(key, id);
    }
    addRow.run(contactId, id, a, b);
  };
}

/** Replaces the findings of some contacts (re-check after an edit) in one transaction. */
export function replaceFindingsOf(
  db: Database,
  contactIds: readonly number[],
  findings: readonly Finding[],
): void {
  const del = db.prepare(`DELETE FROM ${LIVE_FINDING_TABLES.rows} WHERE contact_id = ?`);
  const write = findingWriter(db);
  db.transaction(() => {
    for (const id of contactIds) del.run(id);
    for (const f of findings) write(f);
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

/**
 * The findings matching a filter counted per template: `g.n` rows of template `f` (the columns the
 * facets group by are the template's). Counting the integer template ids first, then joining the
 * few templates, is what keeps facets fast over millions of rows.
 */
function countedTemplates(filter: FindingFilter): { sql: string; params: unknown[] } {
  const { contactId, ...templateFilter } = filter;
  const w = where(templateFilter);
  const byContact = contactId !== undefined ? 'WHERE contact_id = ?' : '';
  return {
    sql: `(SELECT template_id, count(*) AS n FROM ${LIVE_FINDING_TABLES.rows} ${byContact} GROUP BY template_id) g
      JOIN ${LIVE_FINDING_TABLES.templates} f ON f.id = g.template_id ${w.sql}`,
    params: contactId !== undefined ? [contactId, ...w.params] : w.params,
  };
}

/** Counts for the UI's facets and the CLI summary; `filter` narrows like listFindings. */
export function findingFacets(db: Database, filter: FindingFilter = {}): FindingFacets {
  const from = countedTemplates(filter);
  const byCode = db
    .prepare(
      `SELECT f.code, f.severity, sum(g.n) AS count,
         sum(CASE WHEN f.suggestion_json IS NULL THEN 0 ELSE g.n END) AS fixable FROM ${from.sql}
       GROUP BY f.code, f.severity ORDER BY count DESC, f.code`,
    )
    .all(...from.params) as FindingFacets['byCode'];
  const byField = db
    .prepare(
      `SELECT f.field, sum(g.n) AS count FROM ${from.sql} GROUP BY f.field ORDER BY count DESC, f.field`,
    )
    .all(...from.params) as FindingFacets['byField'];
  const bySeverity = db
    .prepare(`SELECT f.severity, sum(g.n) AS count FROM ${from.sql} GROUP BY f.severity`)
    .all(...from.params) as FindingFacets['bySeverity'];
  return { total: byCode.reduce((n, r) => n + r.count, 0), byCode, byField, bySeverity };
}
