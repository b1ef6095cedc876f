import { readFileSync } from 'node:fs';
import { extname } from 'node:path';
import ExcelJS from 'exceljs';
import Papa from 'papaparse';
import { AppError } from '../../../shared/errors';
import { SECUTIX_FIELDS, fieldByCode, type FieldGroup } from '../../../shared/secutix/fields';

/** Rows 1–4 of a SecuTix file: row 4 holds the field codes (spec §2.1). */
export const HEADER_ROWS = 4;

export interface ExportTemplate {
  /** 'builtin' or the template's path. */
  source: string;
  /** Rows 1–4 exactly as written (each as long as the codes row). */
  headerRows: string[][];
  /** Row 4: the column codes, in the template's physical order (trimmed). */
  codes: string[];
  sheetName: string;
}

const GROUP_TITLES: Record<FieldGroup, string> = {
  global: 'Global',
  contact: 'Contact',
  individual: 'Individual',
  structure: 'Structure',
  address: 'Address',
  communication: 'Communication means',
  criteria: 'Criteria',
};

function formatHint(code: string): string {
  const f = fieldByCode(code)!;
  if (f.type === 'date') return 'dd.mm.yyyy';
  if (f.type === 'codevalue') return 'CODE=value';
  if (f.allowed && f.allowed.length <= 8) return f.allowed.join(' / ');
  const type =
    f.type === 'digits' ? 'Digits' : f.type === 'text' ? 'Text' : f.type[0]!.toUpperCase() + f.type.slice(1);
  return f.maxLength ? `${type} ${f.maxLength}` : type;
}

/**
 * Our own template when the customer has none: row 4 = the codes of spec §3.11 in that order;
 * rows 1–3 are OUR group titles, labels and format hints — SecuTix's real rows 1–3 are not public
 * (spec §2.1, §8.1), so the summary says the built-in template was used.
 */
export function builtinTemplate(options: { departmentBeforeCountry?: boolean } = {}): ExportTemplate {
  const codes = SECUTIX_FIELDS.map((f) => f.code);
  if (options.departmentBeforeCountry) {
    const c = codes.indexOf('COUNTRY');
    [codes[c], codes[c + 1]] = [codes[c + 1]!, codes[c]!];
  }
  let lastGroup = '';
  const groups = codes.map((code) => {
    const g = fieldByCode(code)!.group;
    const title = g === lastGroup ? '' : GROUP_TITLES[g];
    lastGroup = g;
    return title;
  });
  const labels = codes.map((c) => fieldByCode(c)!.labels.en);
  return {
    source: 'builtin',
    headerRows: [groups, labels, codes.map(formatHint), codes],
    codes,
    sheetName: 'Contacts',
  };
}

function cellText(v: ExcelJS.CellValue): string {
  if (v == null) return '';
  if (typeof v === 'object') {
    if (v instanceof Date) return v.toISOString();
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('text' in v) return String(v.text);
    if ('result' in v) return v.result == null ? '' : String(v.result);
    return '';
  }
  return String(v);
}

function fromRows(source: string, rows: string[][], sheetName: string): ExportTemplate {
  if (rows.length < HEADER_ROWS)
    throw new AppError('export.template-too-short', `The template ${source} has fewer than 4 header rows.`, {
      source,
    });
  const header = rows.slice(0, HEADER_ROWS);
  let width = header[3]!.length;
  while (width > 0 && header[3]![width - 1]!.trim() === '') width--;
  if (width === 0)
    throw new AppError('export.template-no-codes', `Row 4 of the template ${source} holds no field codes.`, {
      source,
    });
  const headerRows = header.map((r) => Array.from({ length: width }, (_, i) => r[i] ?? ''));
  return { source, headerRows, codes: headerRows[3]!.map((c) => c.trim()), sheetName };
}

/** Loads the customer's SecuTix template (XLSX first sheet, or CSV): rows 1–4 only. */
export async function loadTemplate(path: string): Promise<ExportTemplate> {
  const ext = extname(path).toLowerCase();
  try {
    if (ext === '.csv') {
      const text = readFileSync(path, 'utf8').replace(/^\uFEFF/, '');
      const parsed = Papa.parse<string[]>(text, { preview: HEADER_ROWS, skipEmptyLines: false });
      return fromRows(path, parsed.data, 'Contacts');
    }
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    const ws = wb.worksheets[0];
    if (!ws) throw new AppError('export.template-empty', `The template ${path} has no worksheet.`, { path });
    const rows: string[][] = [];
    for (let r = 1; r <= HEADER_ROWS; r++) {
      const row = ws.getRow(r);
      rows.push(
        Array.from({ length: Math.max(row.cellCount, 0) }, (_, i) => cellText(row.getCell(i + 1).value)),
      );
    }
    return fromRows(path, rows, ws.name);
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError(
      'export.template-unreadable',
      `Cannot read the template ${path}: ${(e as Error).message}`,
      {
        path,
      },
    );
  }
}

export interface TemplateAnalysis {
  /** Code → column index (first occurrence) for the known SecuTix fields. */
  columnOf: Map<string, number>;
  unknownColumns: string[];
  duplicateColumns: string[];
  missingFields: string[];
}

export function analyzeTemplate(t: ExportTemplate): TemplateAnalysis {
  const columnOf = new Map<string, number>();
  const unknown: string[] = [];
  const duplicate: string[] = [];
  t.codes.forEach((code, i) => {
    if (code === '') return;
    if (!fieldByCode(code)) unknown.push(code);
    else if (columnOf.has(code)) duplicate.push(code);
    else columnOf.set(code, i);
  });
  const missingFields = SECUTIX_FIELDS.map((f) => f.code).filter((c) => !columnOf.has(c));
  return { columnOf, unknownColumns: unknown, duplicateColumns: duplicate, missingFields };
}
