import type { ImportWarning } from '../../../shared/contract/import';
import type { SourceColumn } from '../sources/source-store';
import { extraColumnName, uniqueColumnNames } from './header';

/** Where shaped rows go: the database directly, or a worker's message batches. */
export interface RowSink {
  start(headerRow: number): void;
  insert(rowNumber: number, json: string, flags: string | null): void;
}

/** What TableAssembler feeds: a header, then data rows. */
export interface TableTarget {
  readonly started: boolean;
  start(headerRow: number, header: string[] | null): void;
  warn(row: number | null, code: string, message: string, column?: string): void;
  add(rowNumber: number, cells: string[], json?: string): void;
}

/** Everything known about a table once its last row was shaped. */
export interface ShapedTable {
  headerRow: number;
  columns: SourceColumn[];
  rows: number;
  warnings: ImportWarning[];
}

/** Stored warnings per code and source; the rest are counted in one summary warning. */
const MAX_WARNINGS_PER_CODE = 200;

/**
 * Decides how each record of a table is stored, without touching storage (so it also runs in the
 * CSV parse worker). Invariant: every record after the header is kept with its cells exactly as
 * read — short CSV rows are not padded, long rows keep their extra cells (named `_extra_N` in the
 * column list); only rows whose cells are all empty or whitespace are skipped, and counted in a warning.
 */
export class RowShaper implements TableTarget {
  private isStarted = false;
  private headerRow = 0;
  private headerCells: string[] = [];
  private width = 0;
  private maxWidth = 0;
  private rowCount = 0;
  private readonly warnings: ImportWarning[] = [];
  private readonly warningCounts = new Map<string, number>();
  private readonly skippedBlank: number[] = [];
  private skippedBlankCount = 0;

  constructor(
    private readonly sink: RowSink,
    private readonly format: 'csv' | 'xlsx',
  ) {}

  get started(): boolean {
    return this.isStarted;
  }

  get rows(): number {
    return this.rowCount;
  }

  get headerRowNumber(): number {
    return this.headerRow;
  }

  /** `header` is null when the file has no header row (headerRow 0). */
  start(headerRow: number, header: string[] | null): void {
    this.isStarted = true;
    this.headerRow = headerRow;
    this.headerCells = header ?? [];
    this.width = this.headerCells.length;
    this.maxWidth = this.width;
    this.sink.start(headerRow);
  }

  warn(row: number | null, code: string, message: string, column?: string): void {
    const n = (this.warningCounts.get(code) ?? 0) + 1;
    this.warningCounts.set(code, n);
    if (n <= MAX_WARNINGS_PER_CODE)
      this.warnings.push(column ? { row, column, code, message } : { row, code, message });
  }

  /**
   * Shapes one data record. `cells` must not be reused by the caller; `json` (optional) must be
   * JSON.stringify(cells), passed when the reader already computed it.
   */
  add(rowNumber: number, cells: string[], json?: string): void {
    let blank = true;
    for (let i = 0; i < cells.length; i++) {
      const c = cells[i]!;
      if (c !== '' && c.trim() !== '') {
        blank = false;
        break;
      }
    }
    if (blank) {
      this.skippedBlankCount++;
      if (this.skippedBlank.length < 20) this.skippedBlank.push(rowNumber);
      return;
    }
    if (this.format === 'xlsx' && cells.length !== this.width && fitToHeader(cells, this.width))
      json = undefined;
    let flags: string | null = null;
    const n = cells.length;
    if (n !== this.width && this.width > 0) flags = this.raggedFlag(rowNumber, cells);
    else if (n > this.maxWidth) this.maxWidth = n;
    this.sink.insert(rowNumber, json ?? JSON.stringify(cells), flags);
    this.rowCount++;
  }

  private raggedFlag(rowNumber: number, cells: string[]): string {
    const n = cells.length;
    if (n < this.width) {
      this.warn(
        rowNumber,
        'ragged_short',
        `Row ${rowNumber} has ${n} cell${n === 1 ? '' : 's'}, the header has ${this.width}; the missing cells are treated as empty.`,
      );
      return 'ragged_short';
    }
    if (n > this.maxWidth) this.maxWidth = n;
    const extra = cells.slice(this.width);
    const allEmpty = extra.every((c) => c === '');
    this.warn(
      rowNumber,
      'ragged_long',
      allEmpty
        ? `Row ${rowNumber} has ${n} cells, the header has ${this.width}; the extra cell${extra.length === 1 ? ' is' : 's are'} empty (trailing delimiter?).`
        : `Row ${rowNumber} has ${n} cells, the header has ${this.width}; the extra values are kept in column${extra.length === 1 ? '' : 's'} ${extra.map((_, i) => extraColumnName(i + 1)).join(', ')}.`,
    );
    return 'ragged_long';
  }

  /** Final column list: header names made unique, plus `_extra_N` for cells beyond the header. */
  private columns(headerOverrides?: Map<number, string>): SourceColumn[] {
    const header = this.headerCells.slice();
    if (headerOverrides) {
      for (const [i, name] of headerOverrides) {
        while (header.length <= i) header.push('');
        if (header[i] === '') header[i] = name;
      }
    }
    const names = uniqueColumnNames(header);
    const cols: SourceColumn[] = names.map((name, index) => ({
      index,
      name,
      originalName: this.headerCells[index] ?? '',
    }));
    for (let i = names.length; i < this.maxWidth; i++) {
      cols.push({
        index: i,
        name: this.width === 0 ? `Column_${i + 1}` : extraColumnName(i - names.length + 1),
        originalName: '',
      });
    }
    return cols;
  }

  /** Closes the table: adds the summary warnings and returns columns, row count and warnings. */
  result(headerOverrides?: Map<number, string>): ShapedTable {
    const warnings = this.warnings.slice();
    if (this.skippedBlankCount > 0) {
      const n = this.skippedBlankCount;
      const list = this.skippedBlank.join(', ') + (n > this.skippedBlank.length ? ', …' : '');
      warnings.push({
        row: this.skippedBlank[0]!,
        code: 'blank_rows_skipped',
        message: `${n} row${n === 1 ? '' : 's'} with no value skipped (row${n === 1 ? '' : 's'} ${list}).`,
      });
    }
    for (const [code, n] of this.warningCounts) {
      if (n > MAX_WARNINGS_PER_CODE) {
        warnings.push({
          row: null,
          code: 'warnings_truncated',
          message: `${n - MAX_WARNINGS_PER_CODE} more "${code}" warnings not listed (${n} in total).`,
        });
      }
    }
    return {
      headerRow: this.headerRow,
      columns: this.columns(headerOverrides),
      rows: this.rowCount,
      warnings,
    };
  }
}

/**
 * A sheet row simply omits empty cells, so a row shorter than the header is not ragged: it is
 * padded with empty cells; empty cells beyond the header width are dropped for the same reason.
 * Returns whether the cells changed.
 */
function fitToHeader(cells: string[], width: number): boolean {
  const before = cells.length;
  while (cells.length < width) cells.push('');
  while (cells.length > width && cells[cells.length - 1] === '') cells.pop();
  return cells.length !== before;
}
