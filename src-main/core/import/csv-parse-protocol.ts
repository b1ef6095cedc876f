import type { AppErrorData } from '../../../shared/errors';
import type { CsvPlan } from './csv-reader';
import type { ShapedTable } from './row-shaper';

/**
 * Messages between the import job (main side: stores rows in SQLite) and the CSV parse worker
 * (reads, decodes, parses and shapes rows). The worker sends at most MAX_BATCHES_IN_FLIGHT
 * unacknowledged row batches, so memory stays bounded however fast it parses.
 */
export interface CsvParseRequest {
  path: string;
  plan: CsvPlan;
  headerRow: number | undefined;
}

export type CsvParseMessage =
  | { type: 'start'; headerRow: number }
  /** Flat triples: rowNumber, cells JSON, flags (string or null). */
  | { type: 'rows'; data: Array<number | string | null>; bytes: number }
  | {
      type: 'done';
      table: ShapedTable;
      size: number;
      sha256: string;
    }
  | { type: 'error'; error: AppErrorData };

export const ROWS_PER_BATCH = 4000;
export const MAX_BATCHES_IN_FLIGHT = 4;
