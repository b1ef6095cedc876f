import type { Database } from 'better-sqlite3';
import type { Contact } from '../../../shared/domain';
import type { ContactProblem } from './contact-row';
import { createTableWriter, type TableWriter } from './table-writer';

export const REPORT_HEADER = [
  'source file',
  'sheet',
  'source row',
  'contact id',
  'contact number',
  'column',
  'code',
  'severity',
  'reason',
  'value',
] as const;

/**
 * Streams the export's error report (XLSX or CSV by extension): one line per problem with the
 * provenance of the contact (file, sheet, row), so the user can fix the source. Opened lazily:
 * no file when there is nothing to report.
 */
export class ErrorReport {
  private writer: TableWriter | null = null;
  private readonly provenance;
  lines = 0;

  constructor(
    db: Database,
    readonly path: string,
  ) {
    this.provenance = db.prepare(
      'SELECT s.file_name AS file, s.sheet AS sheet, r.row_number AS row FROM source_rows r JOIN sources s ON s.id = r.source_id WHERE r.id = ?',
    );
  }

  add(contact: Contact, problems: readonly ContactProblem[]): void {
    if (problems.length === 0) return;
    if (!this.writer) {
      this.writer = createTableWriter(this.path, { sheetName: 'Problems' });
      this.writer.write(REPORT_HEADER, false);
    }
    const p =
      contact.sourceRowId == null
        ? undefined
        : (this.provenance.get(contact.sourceRowId) as
            { file: string; sheet: string | null; row: number } | undefined);
    for (const x of problems) {
      this.writer.write(
        [
          p?.file ?? '',
          p?.sheet ?? '',
          p ? String(p.row) : '',
          String(contact.id),
          contact.data.CONTACT_NR ?? '',
          x.column,
          x.problem,
          x.severity,
          x.message,
          x.value ?? '',
        ],
        true, // values come from customer data: the CSV report is guarded too
      );
      this.lines++;
    }
  }

  async drain(): Promise<void> {
    await this.writer?.drain();
  }

  /** Returns the path written, or null when nothing was reported. */
  async close(): Promise<string | null> {
    if (!this.writer) return null;
    await this.writer.close();
    return this.path;
  }

  async abort(): Promise<void> {
    await this.writer?.abort();
  }
}
