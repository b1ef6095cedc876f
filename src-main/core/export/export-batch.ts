import type { Database } from 'better-sqlite3';
import type { ExportOptions } from '../../../shared/contract/export';
import type { ContactData, ContactKind, Operation } from '../../../shared/domain';
import { SECUTIX_FIELDS, type SecutixField } from '../../../shared/secutix/fields';
import { walkFlatStrings, type FlatPairVisitor } from '../contacts/contact-data-json';
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
 * The same rows packed by SQLite into one UTF-8 blob per batch: records separated by RS (0x1e),
 * their fields by US (0x1f), in RawExportRow order but `data` last (it is scanned in place up to
 * the record's end, so a US in it is harmless). A worker is then sent one buffer instead of six
 * values per contact (measured: cloning ~24,000 strings cost the reading and the building thread
 * 2–3 µs a contact together). Column 3 is non-zero when a record would not split back into its
 * fields (a US in a short text, a non-integer source row id): that batch is read as raw rows, as
 * is one with an RS in its text (counted by readExportBatches, cheaper there than in SQL). The
 * records come in the subquery's id order (group_concat's ORDER BY would sort them again: 0.7 µs
 * a contact); the worker checks that order.
 */
const PACKED_SELECT = `SELECT count(*), max(id),
  max(instr(cleared_json || operation || ifnull(kind_override, ''), char(31))
    + (typeof(source_row_id) NOT IN ('integer', 'null'))),
  CAST(group_concat(id || char(31) || ifnull(source_row_id, '') || char(31) || ifnull(kind_override, '')
    || char(31) || operation || char(31) || cleared_json || char(31) || data, char(30)) AS BLOB)
  FROM (${SELECT})`;

const RS = 0x1e;

/** How many bytes of `bytes` are `byte` (indexOf: a native scan). */
function separatorsIn(bytes: Uint8Array, byte: number): number {
  let n = 0;
  for (let at = bytes.indexOf(byte); at >= 0; at = bytes.indexOf(byte, at + 1)) n++;
  return n;
}

/** A batch packed by PACKED_SELECT: `count` records in `text` (UTF-8). */
export interface PackedExportRows {
  count: number;
  text: Uint8Array;
}

/** What the export reads per batch: packed for workers, raw rows in this thread. */
export type ExportBatch = RawExportRow[] | PackedExportRows;

/**
 * The active contacts in id order, in batches (keyset pagination: no cursor stays open across the
 * export's awaits). Read on the export's own connection, so the whole file comes from its read
 * transaction even when the rows are built in workers. `packed`: batches as PackedExportRows
 * (for workers), except a batch with a separator in its text, read as raw rows.
 */
export function* readExportBatches(db: Database, batchSize: number, packed = false): Generator<ExportBatch> {
  const stmt = db.prepare(SELECT).raw(true);
  const packedStmt = packed ? db.prepare(PACKED_SELECT).raw(true) : null;
  for (let after = 0; ;) {
    if (packedStmt) {
      const [count, last, unsafe, text] = packedStmt.get(after, batchSize) as [
        number,
        number | null,
        number | null,
        Uint8Array | null,
      ];
      if (count === 0) return;
      if (!unsafe && separatorsIn(text!, RS) === count - 1) {
        yield { count, text: text! };
        after = last!;
        continue;
      }
    }
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
  readContactDataAt(json, 0, json.length, json.indexOf('\\'), fields, fieldPutter(fields));
}

/**
 * The visitor that stores each pair whose key is a field code into `fields` (keys matched in
 * place, values sliced once). Made once per batch exporter, not per contact.
 */
function fieldPutter(fields: ContactFields): FlatPairVisitor {
  return (s, keyStart, keyEnd, valueStart, valueEnd) => {
    const order = fieldOrderAt(s, keyStart, keyEnd);
    if (order >= 0) fields.putAt(order, s.slice(valueStart, valueEnd));
    return true;
  };
}

/**
 * readContactData on the JSON text s[start, end) (the end of a packed record, not sliced out
 * unless it needs JSON.parse). `backslash`: the first backslash in `s` at or after `start`, -1
 * when there is none. Unlike parseContactData, raw control characters are not looked for: a
 * packed record holds separators (0x1e, 0x1f) around its JSON, and `data` is always written by
 * JSON.stringify, which escapes them.
 */
function readContactDataAt(
  s: string,
  start: number,
  end: number,
  backslash: number,
  fields: ContactFields,
  put: FlatPairVisitor,
): void {
  fields.reset();
  if ((backslash < 0 || backslash >= end) && walkFlatStrings(s, start, end, put)) return;
  fields.reset();
  fields.fromData(JSON.parse(s.slice(start, end)) as ContactData);
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

/** The integer written in s[start, end) (ids: digits only, as SQLite writes them). */
function integerAt(s: string, start: number, end: number): number {
  const negative = s.charCodeAt(start) === 45; // -
  let n = 0;
  for (let i = negative ? start + 1 : start; i < end; i++) n = n * 10 + (s.charCodeAt(i) - 48);
  return negative ? -n : n;
}

/** Texts that repeat on nearly every contact, kept once (no string per contact). */
const COMMON_TEXTS = ['INSERT', 'UPDATE', 'UPDATEACT', 'individual', 'structure', 'structure_relay'];

function textAt(s: string, start: number, end: number): string {
  for (const t of COMMON_TEXTS) if (t.length === end - start && s.startsWith(t, start)) return t;
  return s.slice(start, end);
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
export function batchExporter(spec: BatchSpec): (batch: ExportBatch) => ExportChunk {
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
  const putField = fieldPutter(fields);
  const head: ContactHead = { cleared: NOTHING_CLEARED, kindOverride: null, operation: null };

  /** Builds and formats the contact whose data was read into `fields`. */
  const exportContact = (
    chunk: ExportChunk,
    csv: Utf8Builder | null,
    id: number,
    sourceRowId: number | null,
  ): void => {
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
        sourceRowId,
        id,
        fields.get('CONTACT_NR') ?? '',
        p.column,
        p.problem,
        p.severity,
        p.message,
        p.value ?? '',
      ]);
    }
  };

  /**
   * The records of a packed batch (PACKED_SELECT). Each record is decoded on its own: one text for
   * the whole batch would be two-byte as soon as one character is beyond Latin-1 (œ, š…), and every
   * value sliced from it too, which made building the rows ~20% slower (measured).
   */
  const exportPacked = (chunk: ExportChunk, csv: Utf8Builder | null, batch: PackedExportRows): void => {
    const bytes = Buffer.from(batch.text.buffer, batch.text.byteOffset, batch.text.byteLength);
    let at = 0;
    let n = 0;
    let previousId = -Infinity;
    for (; n < batch.count && at <= bytes.length; n++) {
      let recordEnd = bytes.indexOf(RS, at);
      if (recordEnd < 0) recordEnd = bytes.length;
      const s = bytes.toString('utf8', at, recordEnd);
      at = recordEnd + 1;
      const f1 = s.indexOf('\x1f');
      const f2 = s.indexOf('\x1f', f1 + 1);
      const f3 = s.indexOf('\x1f', f2 + 1);
      const f4 = s.indexOf('\x1f', f3 + 1);
      const f5 = s.indexOf('\x1f', f4 + 1);
      if (f1 < 0 || f2 < 0 || f3 < 0 || f4 < 0 || f5 < 0) break;
      readContactDataAt(s, f5 + 1, s.length, s.indexOf('\\', f5 + 1), fields, putField);
      head.cleared =
        f5 === f4 + 3 && s.charCodeAt(f4 + 1) === 91 && s.charCodeAt(f4 + 2) === 93 // []
          ? NOTHING_CLEARED
          : (JSON.parse(s.slice(f4 + 1, f5)) as string[]);
      head.kindOverride = f3 > f2 + 1 ? (textAt(s, f2 + 1, f3) as ContactKind) : null;
      head.operation = textAt(s, f3 + 1, f4) as Operation;
      const id = integerAt(s, 0, f1);
      if (id <= previousId) throw new Error(`packed batch out of id order: ${id} after ${previousId}`);
      previousId = id;
      exportContact(chunk, csv, id, f2 > f1 + 1 ? integerAt(s, f1 + 1, f2) : null);
    }
    if (n !== batch.count || at !== bytes.length + 1)
      throw new Error(`packed batch malformed: ${n} of ${batch.count} contacts read`);
  };

  return (batch) => {
    const count = Array.isArray(batch) ? batch.length : batch.count;
    const chunk: ExportChunk = {
      rows: count,
      exported: 0,
      rejected: 0,
      warnings: 0,
      csv: EMPTY,
      xlsxRows: [],
      cells: [],
      report: [],
      missing: new Array<number>(layout.missingFields.length).fill(0),
    };
    const csv = rowFormat === 'csv' ? new Utf8Builder(count * 256) : null;
    if (Array.isArray(batch))
      for (const raw of batch) {
        readContactDataAt(raw[2], 0, raw[2].length, raw[2].indexOf('\\'), fields, putField);
        head.cleared = raw[3] === '[]' ? NOTHING_CLEARED : (JSON.parse(raw[3]) as string[]);
        head.kindOverride = raw[4] as ContactKind | null;
        head.operation = raw[5] as Operation;
        exportContact(chunk, csv, raw[0], raw[1]);
      }
    else exportPacked(chunk, csv, batch);
    if (csv) chunk.csv = csv.bytes();
    return chunk;
  };
}
