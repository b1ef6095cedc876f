import type { Database } from 'better-sqlite3';
import { suggestMapping, type SuggestionResult } from '../../../shared/mapping/suggest';
import { getSource, getSourceRows } from '../sources/source-store';

/** Rows profiled per column: enough to see what a column holds, cheap on a 1M-row source. */
export const SUGGESTION_SAMPLE_ROWS = 500;

/** Suggests a mapping for a source from its headers and a sample of its rows. */
export function suggestForSource(
  db: Database,
  sourceId: number,
  sampleRows = SUGGESTION_SAMPLE_ROWS,
): SuggestionResult {
  const source = getSource(db, sourceId);
  const rows = getSourceRows(db, sourceId, { limit: sampleRows, offset: 0 }).map((r) => r.cells);
  return suggestMapping(source.columns, rows);
}
