import { AppError } from '../../../shared/errors';
import { detectHeaderRow, type RawRecord } from './header';
import type { TableTarget } from './row-shaper';

/** Records looked at to guess the header row (they are buffered, then replayed). */
const HEADER_SAMPLE = 30;

/**
 * Turns the stream of records of one table (a CSV file or a sheet) into header + data rows.
 * Records above the header row (titles, notes) are not data: each non-empty one is kept as an
 * `above_header` warning with its text, so nothing the user loaded disappears silently.
 */
export class TableAssembler {
  private headerRow: number | undefined;
  private readonly buffer: RawRecord[] = [];
  private resolved = false;
  private nonBlankRows = 0;
  private bufferedNonBlank = 0;
  private lastRow = 0;

  constructor(
    private readonly writer: TableTarget,
    headerRow: number | undefined,
    private readonly where: string,
  ) {
    this.headerRow = headerRow;
    if (headerRow !== undefined) this.resolved = true;
  }

  /** `json`, when given, is JSON.stringify(cells), already computed by the reader. */
  push(rowNumber: number, cells: string[], json?: string): void {
    if (this.writer.started) {
      this.writer.add(rowNumber, cells, json);
      return;
    }
    if (!this.resolved) {
      this.buffer.push({ rowNumber, cells });
      if (!isBlank(cells) && ++this.bufferedNonBlank >= HEADER_SAMPLE) this.resolve();
      return;
    }
    this.route(rowNumber, cells);
  }

  private route(rowNumber: number, cells: string[]): void {
    const headerRow = this.headerRow!;
    if (!isBlank(cells)) {
      this.nonBlankRows++;
      this.lastRow = rowNumber;
    }
    if (headerRow === 0) {
      this.writer.start(0, null);
      this.writer.add(rowNumber, cells);
    } else if (rowNumber < headerRow) {
      if (!isBlank(cells)) {
        const text = cells.filter((c) => c !== '').join(' | ');
        this.writer.warn(
          rowNumber,
          'above_header',
          `Row ${rowNumber} is above the header row ${headerRow} and was not imported as data: "${text.length > 200 ? text.slice(0, 200) + '…' : text}".`,
        );
      }
    } else {
      this.writer.start(rowNumber, cells);
    }
  }

  private resolve(): void {
    this.resolved = true;
    if (this.bufferedNonBlank === 0) {
      this.buffer.length = 0; // only blank lines so far: nothing to import
      return;
    }
    this.headerRow = detectHeaderRow(this.buffer);
    for (const r of this.buffer.splice(0)) this.push(r.rowNumber, r.cells);
  }

  /** Call after the last record. Returns false when the table had no non-empty row at all. */
  end(): boolean {
    if (!this.resolved) this.resolve();
    if (this.writer.started) return true;
    if (this.nonBlankRows > 0) {
      throw new AppError(
        'import.header-row-out-of-range',
        `${this.where}: header row ${this.headerRow} is beyond the last row (${this.lastRow}).`,
        { headerRow: this.headerRow, lastRow: this.lastRow },
      );
    }
    return false;
  }
}

function isBlank(cells: string[]): boolean {
  for (const c of cells) if (c !== '' && c.trim() !== '') return false;
  return true;
}
