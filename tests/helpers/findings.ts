import type { Database } from 'better-sqlite3';
import type { Finding } from '../../src-main/core/checks/check';
import { unpackedValues } from '../../src-main/core/checks/finding-batch';
import { findingBulkInserter, LIVE_FINDING_TABLES } from '../../src-main/core/checks/findings-store';
import { tempWorkspace } from './temp-workspace';

/** The columns the findings table had before migration 7, which the findings view keeps. */
export const WHOLE_FINDING_COLUMNS =
  'contact_id, field, code, severity, message_key, params_json, message, suggestion_json, confidence';

/** A check's finding as one row of those columns (what the view must give back). */
export function wholeFindingRow(f: Finding): unknown[] {
  return [
    f.rowId,
    f.field,
    f.code,
    f.severity,
    f.messageKey,
    JSON.stringify(f.params),
    f.message,
    f.suggestion ? JSON.stringify(f.suggestion) : null,
    f.confidence,
  ];
}

/** Every finding as read through the findings view, in id order. */
export function readWholeFindings(db: Database): unknown[][] {
  return db
    .prepare(`SELECT ${WHOLE_FINDING_COLUMNS} FROM findings ORDER BY id`)
    .raw(true)
    .all() as unknown[][];
}

/**
 * The rows the findings view gives back for a batch's insert values (FINDING_WIDTH per finding),
 * written into a fresh workspace's findings tables as a checks run writes them.
 */
export function throughFindingsView(values: unknown[]): unknown[][] {
  const ws = tempWorkspace('view.cprep');
  try {
    ws.db.transaction(findingBulkInserter(ws.db, LIVE_FINDING_TABLES))(unpackedValues(values));
    return readWholeFindings(ws.db);
  } finally {
    ws.close();
  }
}
