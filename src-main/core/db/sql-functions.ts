import type { Database } from 'better-sqlite3';
import { foldAccents, normalizeKey } from '../../../shared/text/normalize';

/** Unicode-aware helpers for queries (SQLite's lower() and LIKE only know ASCII). */
export function registerSqlFunctions(db: Database): void {
  db.function('fold', { deterministic: true }, (s: unknown) => (typeof s === 'string' ? foldAccents(s) : s));
  db.function('norm', { deterministic: true }, (s: unknown) => (typeof s === 'string' ? normalizeKey(s) : s));
}
