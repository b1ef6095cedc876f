import type { Database } from 'better-sqlite3';

/** Columns of the findings table (stored compactly since migration 7). */
const FINDINGS_COLUMNS = `
  id              INTEGER PRIMARY KEY,
  contact_id      INTEGER NOT NULL,
  field           TEXT NOT NULL,
  code            TEXT NOT NULL,
  severity        TEXT NOT NULL CHECK (severity IN ('error', 'warning', 'info')),
  message_key     TEXT NOT NULL,
  params_json     TEXT NOT NULL DEFAULT '{}',
  message         TEXT NOT NULL,
  suggestion_json TEXT,
  confidence      REAL NOT NULL DEFAULT 1`;

/** Indexes of the findings table. */
const FINDINGS_INDEXES = `
  CREATE INDEX findings_by_contact ON findings(contact_id);
  CREATE INDEX findings_by_code ON findings(code, severity);
  CREATE INDEX findings_by_field ON findings(field);`;

/**
 * Tables of the findings module. Owner: checks engine (issue 5). Not released yet: edit until the first release.
 * Findings are derived data: a checks run rebuilds them in `findings_staging` and swaps the table
 * in one transaction, so no foreign key to contacts (rows may be removed; stale findings are
 * filtered by joining active contacts). The expression index lets the contact-number check find
 * duplicates of one edited row in microseconds instead of scanning every contact.
 */
export function up(db: Database): void {
  db.exec(`
    CREATE TABLE findings (${FINDINGS_COLUMNS});
    ${FINDINGS_INDEXES}
    CREATE INDEX contacts_by_contact_nr ON contacts(json_extract(data, '$.CONTACT_NR'))
      WHERE json_extract(data, '$.CONTACT_NR') IS NOT NULL;
  `);
}
