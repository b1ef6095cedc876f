import type { Database } from 'better-sqlite3';

/** Tables of the reference-contacts module. Owner: merge and existing-contact match (issue 6). Not released yet: edit until the first release. */
export function up(_db: Database): void {}
