import type { Database } from 'better-sqlite3';
import type { ImportOptions, ImportSummary } from '../../../shared/contract/import';
import { AppError } from '../../../shared/errors';
import type { ReadHooks } from './read-hooks';

export async function readXlsxInto(
  _conn: Database,
  filePath: string,
  _options: ImportOptions,
  _hooks: ReadHooks,
): Promise<ImportSummary> {
  throw AppError.internal(`XLSX import not implemented yet: ${filePath}`);
}
