import type { Database } from 'better-sqlite3';

/** Tables of the mapping module. Owner: mapping helper (issue 4). Not released yet: edit until the first release. */
export function up(_db: Database): void {}
