import type { Database } from 'better-sqlite3';

/**
 * Runs an async write in ONE transaction on a dedicated connection (Workspace.openJobConnection):
 * everything the body inserts becomes visible at once on COMMIT, and a cancel, error, crash or
 * kill -9 leaves the file exactly as before (SQLite rolls back the uncommitted WAL frames).
 * Never use this on the shared connection: other callers would write into the open transaction.
 */
export async function stagedWrite<T>(conn: Database, body: (conn: Database) => Promise<T>): Promise<T> {
  conn.exec('BEGIN IMMEDIATE');
  try {
    const result = await body(conn);
    conn.exec('COMMIT');
    return result;
  } catch (e) {
    if (conn.inTransaction) conn.exec('ROLLBACK');
    throw e;
  }
}
