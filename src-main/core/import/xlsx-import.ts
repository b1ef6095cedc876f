import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import type { Database } from 'better-sqlite3';
import type { ImportedSource, ImportOptions, ImportSummary } from '../../../shared/contract/import';
import { AppError } from '../../../shared/errors';
import type { ReadHooks } from './read-hooks';
import { SourceWriter } from './source-writer';
import { TableAssembler } from './table-assembler';
import { columnLetters, readSheet, type CellRange, type SheetContext } from './xlsx-sheet-reader';
import { openWorkbook, readNumberStyles, readSharedStrings, type WorkbookSheet } from './xlsx-workbook';

async function fileDigest(path: string): Promise<{ size: number; sha256: string }> {
  const hash = createHash('sha256');
  let size = 0;
  for await (const chunk of createReadStream(path, { highWaterMark: 1024 * 1024 }) as AsyncIterable<Buffer>) {
    hash.update(chunk);
    size += chunk.length;
  }
  return { size, sha256: hash.digest('hex') };
}

/**
 * Which sheets to read: the named one (hidden ones too, when asked by name), every visible
 * worksheet, or by default the visible worksheets in tab order until one has data.
 */
function chooseSheets(fileName: string, sheets: WorkbookSheet[], options: ImportOptions): WorkbookSheet[] {
  const worksheets = sheets.filter((s) => s.kind === 'worksheet' && s.part);
  if (options.sheet) {
    const wanted = options.sheet;
    const found =
      sheets.find((s) => s.name === wanted) ??
      sheets.find((s) => s.name.toLowerCase() === wanted.toLowerCase());
    if (!found) {
      throw new AppError(
        'import.sheet-not-found',
        `${fileName} has no sheet "${wanted}". Sheets: ${sheets.map((s) => `"${s.name}"${s.state === 'visible' ? '' : ` (${s.state})`}`).join(', ')}.`,
        { sheet: wanted, sheets: sheets.map((s) => s.name) },
      );
    }
    if (found.kind !== 'worksheet' || !found.part) {
      throw new AppError(
        'import.chart-sheet',
        `${fileName}: sheet "${found.name}" is a chart sheet; it holds no cells to import.`,
        {
          sheet: found.name,
        },
      );
    }
    return [found];
  }
  return worksheets.filter((s) => s.state === 'visible');
}

/**
 * Merged ranges: the value stays in the top-left cell only (as Excel's own CSV export does);
 * the other cells are empty. For the header row, though, columns covered by a merged header cell
 * take its name (made unique: `Address`, `Address_2`), which is what a user reading the sheet expects.
 */
function applyMerges(
  writer: SourceWriter,
  merges: CellRange[],
  headerRow: number,
  earlyRows: Map<number, string[]>,
): Map<number, string> {
  const overrides = new Map<number, string>();
  for (const m of merges) {
    if (headerRow > 0 && m.top <= headerRow && m.bottom >= headerRow) {
      const name = earlyRows.get(m.top)?.[m.left] ?? '';
      if (name)
        for (let c = m.left; c <= m.right; c++)
          if (!(c === m.left && m.top === headerRow)) overrides.set(c, name);
    }
    if (m.bottom > headerRow) {
      writer.warn(
        Math.max(m.top, headerRow + 1),
        'merged_cells',
        `Merged cells ${m.ref}: the value is kept in ${columnLetters(m.left)}${m.top} only; the other cells of the range are empty.`,
      );
    }
  }
  return overrides;
}

/** Reads one sheet, several (allSheets) or the first with data into new sources on `conn`. */
export async function readXlsxInto(
  conn: Database,
  filePath: string,
  options: ImportOptions,
  hooks: ReadHooks,
): Promise<ImportSummary> {
  const fileName = basename(filePath);
  const wb = openWorkbook(filePath);
  const targets = chooseSheets(fileName, wb.sheets, options);
  const digest = await fileDigest(filePath);
  const ctx: SheetContext = {
    sharedStrings: await readSharedStrings(wb.zip),
    styles: readNumberStyles(wb.zip),
    date1904: wb.date1904,
  };
  const sources: ImportedSource[] = [];
  for (const sheet of targets) {
    const writer = new SourceWriter(conn, {
      fileName,
      filePath,
      format: 'xlsx',
      encoding: null,
      delimiter: null,
      quoteChar: null,
      sheet: sheet.name,
      role: options.role ?? 'input',
      options: { ...options },
    });
    const where = `${fileName}, sheet "${sheet.name}"`;
    const table = new TableAssembler(writer, options.headerRow, where);
    const earlyRows = new Map<number, string[]>();
    const phase = `Importing ${fileName} [${sheet.name}]`;
    const { merges } = await readSheet(wb.zip, sheet.part!, ctx, {
      onRow(rowNumber, cells) {
        if (earlyRows.size < 100) earlyRows.set(rowNumber, cells.slice());
        table.push(rowNumber, cells);
      },
      onWarning(row, cellRef, code, message) {
        writer.warn(row, code, message, cellRef);
      },
      async between() {
        hooks.progress(phase, writer.rows, undefined);
        await hooks.checkpoint();
        return hooks.stopAfterRows !== undefined && writer.rows >= hooks.stopAfterRows;
      },
    });
    if (!table.end()) {
      if (options.sheet) {
        throw new AppError('import.no-data', `${where} is empty: nothing to import.`, { sheet: sheet.name });
      }
      continue;
    }
    const overrides = applyMerges(writer, merges, writer.headerRowNumber, earlyRows);
    sources.push(writer.finish(digest, overrides));
    hooks.progress(phase, writer.rows, writer.rows);
    if (!options.allSheets) break;
  }
  if (sources.length === 0) {
    const names = wb.sheets
      .map((s) => `"${s.name}"${s.state === 'visible' ? '' : ` (${s.state})`}`)
      .join(', ');
    throw new AppError(
      'import.no-data',
      `${fileName} has no visible worksheet with data (sheets: ${names || 'none'}). Choose a sheet by name to import a hidden one.`,
      { path: filePath },
    );
  }
  return { sources };
}
