import type { Database } from 'better-sqlite3';

/** Tables of the findings module. Owner: checks engine (issue 5). Not released yet: edit until the first release. */
export function up(_db: Database): void {}
