import type { Database } from 'better-sqlite3';
import type { ExportOptions } from '../../../shared/contract/export';
import type { Contact, ContactData, ContactKind, Operation } from '../../../shared/domain';
import { exportRowBuilder, ruleOptionsOf } from './contact-row';
import { csvRecord, startsLikeFormula } from './csv-format';
import type { FormattedRows, RowFormat } from './table-writer';
import { analyzeTemplate } from './template';
import { XlsxRowFormat } from './xlsx-writer';

/**
 * One batch of the export, from raw contact rows to formatted output: the same function runs in
 * the export's thread or in a worker (export.worker.ts), so both paths write the same bytes.
 */

const SELECT =
  "SELECT id, source_row_id, data, cleared_json, kind_override, operation FROM contacts WHERE id > ? AND status = 'active' ORDER BY id LIMIT ?";

/** An active contact as read for the export; `data` and `cleared` still JSON text. */
export type RawExportRow = [
  id: number,
  sourceRowId: number | null,
  data: string,
  cleared: string,
  kindOverride: string | null,
  operation: string,
];

/**
 * The active contacts in id order, in batches of raw rows (keyset pagination: no cursor stays open
 * across the export's awaits). Read on the export's own connection, so the whole file comes from
 * its read transaction even when the rows are built in workers.
 */
export function* readExportBatches(db: Database, batchSize: number): Generator<RawExportRow[]> {
  const stmt = db.prepare(SELECT).raw(true);
  for (let after = 0; ;) {
    const rows = stmt.all(after, batchSize) as RawExportRow[];
    if (rows.length === 0) return;
    after = rows[rows.length - 1]![0];
    yield rows;
  }
}

/** Everything a batch needs; plain data, so it can be sent to a worker. */
export interface BatchSpec {
  options: ExportOptions;
  /** The template's row-4 codes (column order). */
  codes: string[];
  rowFormat: RowFormat;
  /** XLSX: columns formatted as text (styles of the row templates). */
  textColumns: boolean[];
}

/** One problem line of the error report: the contact's provenance is looked up by the writer. */
export type ReportLine = [
  sourceRowId: number | null,
  contactId: number,
  contactNumber: string,
  column: string,
  problem: string,
  severity: string,
  message: string,
  value: string,
];

/** The result of one batch: the formatted rows (for the spec's RowFormat), report lines, counters. */
export interface ExportChunk extends FormattedRows {
  rows: number;
  exported: number;
  rejected: number;
  warnings: number;
  report: ReportLine[];
  /** Per missing template field (TemplateAnalysis.missingFields order): contacts with a value. */
  missing: number[];
}

/** Shared by every contact with nothing to clear (the usual case): saves a JSON.parse per row. */
const NOTHING_CLEARED: string[] = [];

function contactOf(r: RawExportRow): Contact {
  return {
    id: r[0],
    sourceRowId: r[1],
    sourceId: null, // not used by the export
    data: JSON.parse(r[2]) as ContactData,
    cleared: r[3] === '[]' ? NOTHING_CLEARED : (JSON.parse(r[3]) as string[]),
    kindOverride: r[4] as ContactKind | null,
    operation: r[5] as Operation,
    status: 'active',
    mergedInto: null,
  };
}

/** Returns the batch function of one export (field plans and formats prepared once). */
export function batchExporter(spec: BatchSpec): (rows: readonly RawExportRow[]) => ExportChunk {
  const { options, codes, rowFormat } = spec;
  const layout = analyzeTemplate({ source: '', headerRows: [], codes, sheetName: '' });
  const missingIndex = new Map(layout.missingFields.map((c, i) => [c, i]));
  const buildRow = exportRowBuilder(options, ruleOptionsOf(options));
  const guardCsv = rowFormat === 'csv' && options.csvFormulaGuard;
  const xlsx = rowFormat === 'xlsx' ? new XlsxRowFormat(spec.textColumns) : null;
  const cells = new Array<string>(codes.length).fill('');

  return (rows) => {
    const chunk: ExportChunk = {
      rows: rows.length,
      exported: 0,
      rejected: 0,
      warnings: 0,
      csv: '',
      xlsxRows: [],
      cells: [],
      report: [],
      missing: new Array<number>(layout.missingFields.length).fill(0),
    };
    const lines: string[] = [];
    for (const raw of rows) {
      const contact = contactOf(raw);
      const r = buildRow(contact);
      const problems = r.problems;
      if (missingIndex.size > 0)
        for (const code in r.values) {
          const i = missingIndex.get(code);
          if (i !== undefined) chunk.missing[i]! += 1;
        }
      if (r.rejected) {
        chunk.rejected++;
      } else {
        for (const code in r.values) {
          const i = layout.columnOf.get(code);
          if (i === undefined) continue;
          const v = r.values[code]!;
          cells[i] = v;
          if (guardCsv && v !== '=' && startsLikeFormula(v))
            problems.push({
              column: code,
              problem: 'formula-guarded',
              message: `CSV: ${code} starts with "${v[0]}"; written with a leading ' so no spreadsheet runs it as a formula.`,
              severity: 'warning',
              value: v,
            });
        }
        if (rowFormat === 'csv') lines.push(csvRecord(cells, options.csvFormulaGuard));
        else if (xlsx) chunk.xlsxRows.push(xlsx.template(cells));
        else chunk.cells.push(cells.slice());
        cells.fill(''); // one array reused for every row: formatted synchronously above
        chunk.exported++;
      }
      for (const p of problems) {
        if (p.severity === 'warning') chunk.warnings++;
        chunk.report.push([
          contact.sourceRowId,
          contact.id,
          contact.data.CONTACT_NR ?? '',
          p.column,
          p.problem,
          p.severity,
          p.message,
          p.value ?? '',
        ]);
      }
    }
    // join() builds one flat string (a `+=` rope would be flattened again when written).
    chunk.csv = lines.join('');
    return chunk;
  };
}
