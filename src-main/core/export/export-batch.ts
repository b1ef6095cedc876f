import type { Database } from 'better-sqlite3';
import type { ExportOptions } from '../../../shared/contract/export';
import type { ContactData, ContactKind, Operation } from '../../../shared/domain';
import { SECUTIX_FIELDS, type SecutixField } from '../../../shared/secutix/fields';
import { ContactFields, fieldRowBuilder, ruleOptionsOf, type ContactHead } from './contact-row';
import { csvSparseRecord, startsLikeFormula } from './csv-format';
import type { FormattedRows, RowFormat } from './table-writer';
import { analyzeTemplate } from './template';
import { Utf8Builder } from './utf8-builder';
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

const EMPTY = new Uint8Array(0);

/** Shared by every contact with nothing to clear (the usual case): saves a JSON.parse per row. */
const NOTHING_CLEARED: string[] = [];

/**
 * Reads contacts' `data` JSON into ContactFields. The usual text — a flat object of string values
 * without escapes, as JSON.stringify writes it — is scanned directly (no object per contact);
 * anything else (escapes, spaces, other value types) goes through JSON.parse.
 */
export function readContactData(json: string, fields: ContactFields): void {
  fields.reset();
  if (scanFlatObject(json, fields)) return;
  fields.reset();
  fields.fromData(JSON.parse(json) as ContactData);
}

/** Field codes by length, first and last character: a key is matched in place, never sliced. */
const CODES_BY_SHAPE = new Map<number, SecutixField[]>();
const keyShape = (length: number, first: number, last: number) =>
  length * 0x20000 + first * 0x100 + (last & 0xff);
for (const f of SECUTIX_FIELDS) {
  const k = keyShape(f.code.length, f.code.charCodeAt(0), f.code.charCodeAt(f.code.length - 1));
  CODES_BY_SHAPE.set(k, [...(CODES_BY_SHAPE.get(k) ?? []), f]);
}

/** The field order of the key s[start, end), or -1 when it is not a field code. */
function fieldOrderAt(s: string, start: number, end: number): number {
  if (end <= start) return -1;
  const candidates = CODES_BY_SHAPE.get(keyShape(end - start, s.charCodeAt(start), s.charCodeAt(end - 1)));
  if (candidates)
    for (const f of candidates)
      if (f.code.length === end - start && s.startsWith(f.code, start)) return f.order;
  return -1;
}

/** `{"K":"V",...}` with no backslash anywhere: every `"` delimits a string. False = not that shape. */
function scanFlatObject(s: string, fields: ContactFields): boolean {
  if (s.charCodeAt(0) !== 123 || s.indexOf('\\') >= 0) return false; // {
  let i = 1;
  if (s.charCodeAt(i) === 125) return s.length === 2; // {}
  for (;;) {
    if (s.charCodeAt(i) !== 34) return false; // "
    const keyEnd = s.indexOf('"', i + 1);
    if (keyEnd < 0 || s.charCodeAt(keyEnd + 1) !== 58 || s.charCodeAt(keyEnd + 2) !== 34) return false; // :"
    const valueEnd = s.indexOf('"', keyEnd + 3);
    if (valueEnd < 0) return false;
    const next = s.charCodeAt(valueEnd + 1);
    if (next !== 44 && !(next === 125 && valueEnd + 2 === s.length)) return false; // , or final }
    const order = fieldOrderAt(s, i + 1, keyEnd);
    if (order >= 0) fields.putAt(order, s.slice(keyEnd + 3, valueEnd));
    if (next === 125) return true;
    i = valueEnd + 2;
  }
}

/** Inserts `n` into the ascending array `a` (rows are short and nearly sorted already). */
function insertAscending(a: number[], n: number): void {
  let i = a.length;
  a.push(n);
  while (i > 0 && a[i - 1]! > n) {
    a[i] = a[i - 1]!;
    i--;
  }
  a[i] = n;
}

/** Returns the batch function of one export (field plans and formats prepared once). */
export function batchExporter(spec: BatchSpec): (rows: readonly RawExportRow[]) => ExportChunk {
  const { options, codes, rowFormat } = spec;
  const layout = analyzeTemplate({ source: '', headerRows: [], codes, sheetName: '' });
  // Per field order: its template column and its slot among the missing fields (-1: none).
  const columnOf = SECUTIX_FIELDS.map((f) => layout.columnOf.get(f.code) ?? -1);
  const missingSlot = SECUTIX_FIELDS.map((f) => layout.missingFields.indexOf(f.code));
  const buildRow = fieldRowBuilder(options, ruleOptionsOf(options));
  const guardCsv = rowFormat === 'csv' && options.csvFormulaGuard;
  const xlsx = rowFormat === 'xlsx' ? new XlsxRowFormat(spec.textColumns) : null;
  const cells = new Array<string>(codes.length).fill('');
  const columns: number[] = []; // the row's filled columns, ascending
  const fields = new ContactFields();
  const head: ContactHead = { cleared: NOTHING_CLEARED, kindOverride: null, operation: null };

  return (rows) => {
    const chunk: ExportChunk = {
      rows: rows.length,
      exported: 0,
      rejected: 0,
      warnings: 0,
      csv: EMPTY,
      xlsxRows: [],
      cells: [],
      report: [],
      missing: new Array<number>(layout.missingFields.length).fill(0),
    };
    const csv = rowFormat === 'csv' ? new Utf8Builder(rows.length * 256) : null;
    for (const raw of rows) {
      readContactData(raw[2], fields);
      head.cleared = raw[3] === '[]' ? NOTHING_CLEARED : (JSON.parse(raw[3]) as string[]);
      head.kindOverride = raw[4] as ContactKind | null;
      head.operation = raw[5] as Operation;
      const r = buildRow(fields, head);
      const problems = r.problems;
      for (const i of r.written) {
        const m = missingSlot[i]!;
        if (m >= 0) chunk.missing[m]! += 1;
      }
      if (r.rejected) {
        chunk.rejected++;
      } else {
        columns.length = 0;
        for (const i of r.written) {
          const column = columnOf[i]!;
          if (column < 0) continue;
          const v = r.values[i]!;
          cells[column] = v;
          insertAscending(columns, column);
          if (guardCsv && v !== '=' && startsLikeFormula(v)) {
            const code = SECUTIX_FIELDS[i]!.code;
            problems.push({
              column: code,
              problem: 'formula-guarded',
              message: `CSV: ${code} starts with "${v[0]}"; written with a leading ' so no spreadsheet runs it as a formula.`,
              severity: 'warning',
              value: v,
            });
          }
        }
        if (csv) csv.append(csvSparseRecord(cells, columns, options.csvFormulaGuard));
        else if (xlsx) chunk.xlsxRows.push(xlsx.sparseTemplate(cells, columns));
        else chunk.cells.push(cells.slice());
        for (const c of columns) cells[c] = ''; // one array reused for every row
        chunk.exported++;
      }
      for (const p of problems) {
        if (p.severity === 'warning') chunk.warnings++;
        chunk.report.push([
          raw[1],
          raw[0],
          fields.get('CONTACT_NR') ?? '',
          p.column,
          p.problem,
          p.severity,
          p.message,
          p.value ?? '',
        ]);
      }
    }
    if (csv) chunk.csv = csv.bytes();
    return chunk;
  };
}
