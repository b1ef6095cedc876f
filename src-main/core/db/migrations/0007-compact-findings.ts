import type { Database } from 'better-sqlite3';

/**
 * Findings stored compactly (see checks/finding-template.ts): `finding_rows` holds one row per
 * finding — contact, template, up to two arguments — and `finding_templates` the texts they share.
 * The `findings` view joins them and puts the arguments back, with the columns and row ids of the
 * findings table it replaces, so every reader is unchanged. Owner: checks engine (issue 5).
 *
 * Why: at 1M contacts a checks run wrote ~2M findings of ~200 bytes each and indexed three text
 * columns; that single-threaded insert and index build was the run's serial bottleneck. Rows are
 * now two integers and two short strings, and the row indexes are on integers.
 *
 * No foreign keys: findings are derived data, rebuilt by each run in staging tables and swapped in
 * (run-checks.ts); stale rows are filtered by joining active contacts. Templates no row uses any
 * more (after re-checks) are harmless and dropped by the next full run.
 */
export const FINDING_TEMPLATES_COLUMNS = `
  id              INTEGER PRIMARY KEY,
  key             TEXT NOT NULL UNIQUE,
  field           TEXT NOT NULL,
  code            TEXT NOT NULL,
  severity        TEXT NOT NULL CHECK (severity IN ('error', 'warning', 'info')),
  message_key     TEXT NOT NULL,
  params_json     TEXT NOT NULL,
  message         TEXT NOT NULL,
  suggestion_json TEXT,
  confidence      REAL NOT NULL`;

export const FINDING_ROWS_COLUMNS = `
  id          INTEGER PRIMARY KEY,
  contact_id  INTEGER NOT NULL,
  template_id INTEGER NOT NULL,
  a           TEXT,
  b           TEXT`;

/** Indexes of the two tables; re-created when a checks run swaps in its staging tables. */
export const FINDINGS_INDEXES = `
  CREATE INDEX finding_rows_by_contact ON finding_rows(contact_id);
  CREATE INDEX finding_rows_by_template ON finding_rows(template_id);
  CREATE INDEX finding_templates_by_code ON finding_templates(code, severity);
  CREATE INDEX finding_templates_by_field ON finding_templates(field);`;

/** A template text with the row's arguments put back: B first, then A (the inverse of storedForm). */
const render = (column: string) =>
  `CASE WHEN r.a IS NULL THEN t.${column} ELSE replace(replace(t.${column}, char(2), ifnull(r.b, '')), char(1), r.a) END`;

/** The findings as one table, as before migration 7 (same columns, same ids). */
export const FINDINGS_VIEW = `
  CREATE VIEW findings AS SELECT r.id AS id, r.contact_id AS contact_id, t.field AS field,
    t.code AS code, t.severity AS severity, t.message_key AS message_key,
    ${render('params_json')} AS params_json, ${render('message')} AS message,
    ${render('suggestion_json')} AS suggestion_json, t.confidence AS confidence
  FROM finding_rows r JOIN finding_templates t ON t.id = r.template_id;`;

/**
 * Existing findings move over whole (one template per distinct finding, no arguments): a JSON
 * array key, the family storedForm uses for findings it cannot cut.
 */
export function up(db: Database): void {
  const key = (t: string) =>
    `json_array(${t}.field, ${t}.code, ${t}.severity, ${t}.message_key, ${t}.params_json, ${t}.message, ${t}.suggestion_json, ${t}.confidence)`;
  db.exec(`
    CREATE TABLE finding_templates (${FINDING_TEMPLATES_COLUMNS});
    CREATE TABLE finding_rows (${FINDING_ROWS_COLUMNS});
    INSERT INTO finding_templates(key, field, code, severity, message_key, params_json, message, suggestion_json, confidence)
      SELECT DISTINCT ${key('f')}, field, code, severity, message_key, params_json, message, suggestion_json, confidence
      FROM findings f;
    INSERT INTO finding_rows(id, contact_id, template_id)
      SELECT f.id, f.contact_id, t.id FROM findings f JOIN finding_templates t ON t.key = ${key('f')};
    DROP TABLE findings;
    ${FINDINGS_INDEXES}
    ${FINDINGS_VIEW}
  `);
}
