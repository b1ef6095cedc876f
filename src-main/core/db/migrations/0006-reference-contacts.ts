import type { Database } from 'better-sqlite3';

/**
 * Existing SecuTix contacts (a customer's export loaded as a reference source) and the matches of
 * workspace contacts against them. Owner: merge and existing-contact match (issue 6).
 * Not released yet: edit until the first release.
 *
 * - reference_contacts: one row per contact of the export; `data` uses the same JSON shape as
 *   contacts.data (field codes from row 4 of the SecuTix export). `contact_nr` is kept as text,
 *   never reformatted (leading zeros matter, spec §5). Not UNIQUE: a broken export may repeat a
 *   number, which the match reports instead of refusing the whole file.
 * - reference_keys: blocking keys (normalised email, phone, name+postcode…) → reference contact,
 *   so matching looks candidates up with an index instead of holding a 1M-row map in memory.
 * - contact_matches: the latest match result per workspace contact (derived data, recomputed by
 *   each run; the UPDATE it causes goes through history and is undoable).
 */
export function up(db: Database): void {
  db.exec(`
    CREATE TABLE reference_contacts (
      id             INTEGER PRIMARY KEY,
      source_id      INTEGER NOT NULL REFERENCES sources(id) ON DELETE CASCADE,
      source_row_id  INTEGER REFERENCES source_rows(id) ON DELETE SET NULL,
      contact_nr     TEXT,
      data           TEXT NOT NULL DEFAULT '{}'
    );
    CREATE INDEX reference_contacts_by_nr ON reference_contacts(contact_nr);
    CREATE INDEX reference_contacts_by_source ON reference_contacts(source_id);

    CREATE TABLE reference_keys (
      key           TEXT NOT NULL,
      reference_id  INTEGER NOT NULL REFERENCES reference_contacts(id) ON DELETE CASCADE
    );
    CREATE INDEX reference_keys_by_key ON reference_keys(key);
    CREATE INDEX reference_keys_by_reference ON reference_keys(reference_id);

    CREATE TABLE contact_matches (
      contact_id        INTEGER PRIMARY KEY REFERENCES contacts(id) ON DELETE CASCADE,
      reference_id      INTEGER REFERENCES reference_contacts(id) ON DELETE CASCADE,
      score             REAL NOT NULL,
      band              TEXT NOT NULL CHECK (band IN ('sure', 'review', 'collision')),
      explanation_json  TEXT NOT NULL DEFAULT '[]',
      matched_at        TEXT NOT NULL
    );
    CREATE INDEX contact_matches_by_reference ON contact_matches(reference_id);
  `);
}
