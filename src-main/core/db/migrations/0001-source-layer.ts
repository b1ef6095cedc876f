import type { Database } from 'better-sqlite3';

/**
 * Source layer: every imported file and every row exactly as read.
 * Cells are stored as a JSON array per row (one bind per row keeps 1M-row imports near
 * `sqlite3 .import` speed); column names and order live in sources.columns_json.
 * Rows are never dropped: malformed ones carry flags and an import_warnings entry.
 */
export function up(db: Database): void {
  db.exec(`
    CREATE TABLE sources (
      id            INTEGER PRIMARY KEY,
      file_name     TEXT NOT NULL,
      file_path     TEXT NOT NULL,
      file_size     INTEGER NOT NULL,
      sha256        TEXT NOT NULL,
      format        TEXT NOT NULL CHECK (format IN ('csv', 'xlsx')),
      encoding      TEXT,
      delimiter     TEXT,
      quote_char    TEXT,
      sheet         TEXT,
      header_row    INTEGER,
      columns_json  TEXT NOT NULL,
      row_count     INTEGER NOT NULL,
      role          TEXT NOT NULL DEFAULT 'input' CHECK (role IN ('input', 'reference')),
      options_json  TEXT NOT NULL DEFAULT '{}',
      imported_at   TEXT NOT NULL
    );
    CREATE TABLE source_rows (
      id          INTEGER PRIMARY KEY,
      source_id   INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
      row_number  INTEGER NOT NULL,
      cells_json  TEXT NOT NULL,
      flags       TEXT
    );
    CREATE INDEX source_rows_by_source ON source_rows(source_id, row_number);
    CREATE TABLE import_warnings (
      id          INTEGER PRIMARY KEY,
      source_id   INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
      row_number  INTEGER,
      column_name TEXT,
      code        TEXT NOT NULL,
      message     TEXT NOT NULL
    );
    CREATE INDEX import_warnings_by_source ON import_warnings(source_id);
    CREATE TABLE jobs (
      id           TEXT PRIMARY KEY,
      kind         TEXT NOT NULL,
      state        TEXT NOT NULL,
      phase        TEXT NOT NULL DEFAULT '',
      done         INTEGER NOT NULL DEFAULT 0,
      total        INTEGER,
      started_at   TEXT NOT NULL,
      finished_at  TEXT,
      error_json   TEXT,
      result_json  TEXT
    );
    CREATE TABLE settings (
      key        TEXT PRIMARY KEY,
      value_json TEXT NOT NULL
    );
  `);
}
