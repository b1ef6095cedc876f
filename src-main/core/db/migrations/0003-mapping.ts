import type { Database } from 'better-sqlite3';

/**
 * Mapping module (issue 4).
 * - source_mappings: the workspace's current mapping per source (JSON of shared/mapping/schema),
 *   and when it was last applied to create contacts.
 * - mapping_problems: per-cell problems met while applying it (bad date, unmapped title, non-digit
 *   contact number…), with provenance, so checks and reports can show them. Replaced on re-apply.
 * Not released yet: edit until the first release.
 */
export function up(db: Database): void {
  db.exec(`
    CREATE TABLE source_mappings (
      source_id        INTEGER PRIMARY KEY REFERENCES sources(id) ON DELETE CASCADE,
      mapping_json     TEXT NOT NULL,
      origin           TEXT NOT NULL CHECK (origin IN ('suggested', 'template', 'user')),
      template_name    TEXT,
      updated_at       TEXT NOT NULL,
      applied_at       TEXT,
      applied_contacts INTEGER
    );
    CREATE TABLE mapping_problems (
      id            INTEGER PRIMARY KEY,
      source_id     INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
      source_row_id INTEGER REFERENCES source_rows(id) ON DELETE CASCADE,
      contact_id    INTEGER REFERENCES contacts(id) ON DELETE CASCADE,
      row_number    INTEGER NOT NULL,
      column_name   TEXT NOT NULL,
      field         TEXT NOT NULL,
      code          TEXT NOT NULL,
      value         TEXT NOT NULL,
      message       TEXT NOT NULL
    );
    CREATE INDEX mapping_problems_by_source ON mapping_problems(source_id);
    CREATE INDEX mapping_problems_by_contact ON mapping_problems(contact_id);
  `);
}
