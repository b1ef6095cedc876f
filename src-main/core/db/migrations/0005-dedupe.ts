import type { Database } from 'better-sqlite3';

/**
 * Tables of the dedupe module. Owner: dedupe detection (issue 6). Not released yet: edit until the first release.
 *
 * A detection run replaces the pairs and clusters of the previous run atomically (stagedWrite);
 * `dedupe_runs` keeps the history of runs (params, stats). Pairs store contact ids with a < b.
 * `explanation_json` is `[{field, comparison, level, weight}]` (weight = log2(m/u) contribution).
 * Decisions are keyed by the contact pair only (not by run), so they survive re-runs.
 */
export function up(db: Database): void {
  db.exec(`
    CREATE TABLE dedupe_runs (
      id           INTEGER PRIMARY KEY,
      started_at   TEXT NOT NULL,
      finished_at  TEXT,
      params_json  TEXT NOT NULL DEFAULT '{}',
      stats_json   TEXT NOT NULL DEFAULT '{}'
    );
    CREATE TABLE dedupe_pairs (
      id                INTEGER PRIMARY KEY,
      run_id            INTEGER NOT NULL REFERENCES dedupe_runs(id) ON DELETE CASCADE,
      a                 INTEGER NOT NULL,
      b                 INTEGER NOT NULL,
      score             REAL NOT NULL,
      weight            REAL,
      band              TEXT NOT NULL CHECK (band IN ('sure', 'review')),
      explanation_json  TEXT NOT NULL DEFAULT '[]',
      cluster_id        INTEGER,
      CHECK (a < b)
    );
    CREATE INDEX dedupe_pairs_by_cluster ON dedupe_pairs(cluster_id);
    CREATE INDEX dedupe_pairs_by_a ON dedupe_pairs(a);
    CREATE INDEX dedupe_pairs_by_b ON dedupe_pairs(b);
    CREATE TABLE dedupe_clusters (
      id               INTEGER PRIMARY KEY,
      run_id           INTEGER NOT NULL REFERENCES dedupe_runs(id) ON DELETE CASCADE,
      band             TEXT NOT NULL CHECK (band IN ('sure', 'review')),
      size             INTEGER NOT NULL,
      member_ids_json  TEXT NOT NULL,
      min_score        REAL,
      max_score        REAL
    );
    CREATE INDEX dedupe_clusters_by_band ON dedupe_clusters(band);
    CREATE TABLE dedupe_decisions (
      a           INTEGER NOT NULL,
      b           INTEGER NOT NULL,
      decision    TEXT NOT NULL CHECK (decision IN ('not-duplicate', 'duplicate')),
      decided_at  TEXT NOT NULL,
      PRIMARY KEY (a, b),
      CHECK (a < b)
    ) WITHOUT ROWID;
  `);
}
