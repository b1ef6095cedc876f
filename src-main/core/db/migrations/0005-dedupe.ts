import type { Database } from 'better-sqlite3';

/** Tables of the dedupe module. Owner: dedupe detection (issue 6). Not released yet: edit until the first release. */
export function up(_db: Database): void {}
