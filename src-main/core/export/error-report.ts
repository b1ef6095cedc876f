import type { Database } from 'better-sqlite3';
import type { ReportLine } from './export-batch';
import { createTableWriter, type TableWriter } from './table-writer';

interface Provenance {
  file: string;
  sheet: string | null;
  row: number;
}

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

  /** Writes problem lines (ExportChunk.report), adding each contact's provenance. */
  addLines(lines: readonly ReportLine[]): void {
    if (lines.length === 0) return;
    if (!this.writer) {
      this.writer = createTableWriter(this.path, { sheetName: 'Problems' });
      this.writer.write(REPORT_HEADER, false);
    }
    let lastContact = -1;
    let p: Provenance | undefined;
    for (const [sourceRowId, contactId, contactNumber, column, problem, severity, message, value] of lines) {
      if (contactId !== lastContact) {
        // A contact's problems are consecutive: one provenance lookup per contact.
        lastContact = contactId;
        p = sourceRowId == null ? undefined : (this.provenance.get(sourceRowId) as Provenance | undefined);
      }
      this.writer.write(
        [
          p?.file ?? '',
          p?.sheet ?? '',
          p ? String(p.row) : '',
          String(contactId),
          contactNumber,
          column,
          problem,
          severity,
          message,
          value,
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
