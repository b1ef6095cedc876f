import type { Database } from 'better-sqlite3';

/**
 * Working layer: one row per contact, SecuTix field values in `data` (JSON object keyed by the
 * field codes of shared/secutix — the column list lives only there, never in SQL).
 * `source_row_id` is the provenance link back to the source layer; merged contacts stay as
 * rows with status 'merged' so a merge can be undone.
 *
 * History: an operation groups changes (contact, attribute, before, after) that were computed
 * first and then applied in one transaction; undo/redo only swap the stored values.
 */
export function up(db: Database): void {
  db.exec(`
    CREATE TABLE contacts (
      id             INTEGER PRIMARY KEY,
      source_row_id  INTEGER REFERENCES source_rows(id) ON DELETE SET NULL,
      source_id      INTEGER REFERENCES sources(id) ON DELETE SET NULL,
      data           TEXT NOT NULL DEFAULT '{}',
      cleared_json   TEXT NOT NULL DEFAULT '[]',
      kind_override  TEXT CHECK (kind_override IN ('individual', 'structure', 'structure_relay')),
      operation      TEXT NOT NULL DEFAULT 'INSERT',
      status         TEXT NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'merged', 'removed')),
      merged_into    INTEGER REFERENCES contacts(id),
      updated_at     TEXT
    );
    CREATE INDEX contacts_by_source_row ON contacts(source_row_id);
    CREATE INDEX contacts_by_status ON contacts(status);

    CREATE TABLE history_ops (
      id            INTEGER PRIMARY KEY,
      created_at    TEXT NOT NULL,
      kind          TEXT NOT NULL,
      label         TEXT NOT NULL,
      rule          TEXT,
      details_json  TEXT NOT NULL DEFAULT '{}',
      change_count  INTEGER NOT NULL,
      state         TEXT NOT NULL DEFAULT 'done' CHECK (state IN ('done', 'undone'))
    );
    CREATE TABLE history_changes (
      id           INTEGER PRIMARY KEY,
      op_id        INTEGER NOT NULL REFERENCES history_ops(id) ON DELETE CASCADE,
      contact_id   INTEGER NOT NULL,
      attribute    TEXT NOT NULL,
      before_json  TEXT,
      after_json   TEXT
    );
    CREATE INDEX history_changes_by_op ON history_changes(op_id);
    CREATE INDEX history_changes_by_contact ON history_changes(contact_id);
  `);
}
