import { columnLetter } from '../validate/file-rows';
import { ZipWriter } from './zip-writer';

const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const NS = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships';

const STATIC_PARTS: [string, string][] = [
  [
    '[Content_Types].xml',
    `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
      '<Default Extension="xml" ContentType="application/xml"/>' +
      '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
      '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
      '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
      '</Types>',
  ],
  [
    '_rels/.rels',
    `${XML}<Relationships xmlns="${PKG_REL}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
  ],
  [
    'xl/_rels/workbook.xml.rels',
    `${XML}<Relationships xmlns="${PKG_REL}">` +
      `<Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/>` +
      `<Relationship Id="rId2" Type="${REL}/styles" Target="styles.xml"/></Relationships>`,
  ],
  [
    // Style 0 = General, style 1 = built-in number format 49 ("@", text).
    'xl/styles.xml',
    `${XML}<styleSheet xmlns="${NS}"><fonts count="1"><font><sz val="11"/><name val="Calibri"/></font></fonts>` +
      '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
      '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      '<cellXfs count="2"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
      '<xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>' +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>',
  ],
];

const XML_ESCAPES: Record<string, string> = { '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;' };
// Characters XML 1.0 cannot hold at all (kept out rather than producing an unreadable file).
// eslint-disable-next-line no-control-regex -- these are exactly the characters to remove
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g;

// eslint-disable-next-line no-control-regex -- everything xmlText changes: escapes and invalid characters
const NEEDS_XML_WORK = /[<>&"\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

export function xmlText(s: string): string {
  if (!NEEDS_XML_WORK.test(s)) return s; // the usual case: nothing to escape or drop
  return s.replace(/[<>&"]/g, (c) => XML_ESCAPES[c]!).replace(INVALID_XML, '');
}

function sheetName(name: string): string {
  return xmlText(name.replace(/[\\/?*[\]:]/g, ' ').slice(0, 31) || 'Contacts');
}

/** Stands for the row number in a row template: xmlText() drops it from cell text, so it never collides. */
export const ROW_NUMBER = '\u0000';

/**
 * The `<row>` XML of a data row, with ROW_NUMBER where the row number goes: rows can be formatted
 * (in a worker) before their number is known, since rejected contacts leave no row.
 */
export class XlsxRowFormat {
  /** Per column: `<c r="A` and `" s="1" t="inlineStr"><is><t xml:space="preserve">` around the row number. */
  private readonly cellStart: string[] = [];
  private readonly cellMid: string[] = [];
  private readonly styles: string[];

  constructor(textColumns: readonly boolean[] = []) {
    this.styles = textColumns.map((t) => (t ? ' s="1"' : ''));
  }

  private prepareColumns(n: number): void {
    for (let i = this.cellStart.length; i < n; i++) {
      this.cellStart.push(`<c r="${columnLetter(i)}${ROW_NUMBER}`);
      this.cellMid.push(`"${this.styles[i] ?? ''} t="inlineStr"><is><t xml:space="preserve">`);
    }
  }

  template(cells: readonly string[]): string {
    if (cells.length > this.cellStart.length) this.prepareColumns(cells.length);
    let xml = `<row r="${ROW_NUMBER}">`;
    for (let i = 0; i < cells.length; i++) xml += this.cell(i, cells[i]!);
    return xml + '</row>';
  }

  /** template(cells) reading only `columns` (ascending, each once): the other cells are empty. */
  sparseTemplate(cells: readonly string[], columns: readonly number[]): string {
    if (cells.length > this.cellStart.length) this.prepareColumns(cells.length);
    let xml = `<row r="${ROW_NUMBER}">`;
    for (const i of columns) xml += this.cell(i, cells[i]!);
    return xml + '</row>';
  }

  private cell(i: number, v: string): string {
    return v === '' ? '' : this.cellStart[i]! + this.cellMid[i]! + xmlText(v) + '</t></is></c>';
  }
}

/**
 * Streaming XLSX writer: one worksheet of inline-string cells (`t="inlineStr"` — never a formula,
 * whatever the text starts with), text-format style on the given columns, rows written as they
 * come into a deflated ZIP entry. Faster and flatter in memory than exceljs for 1M rows.
 */
export class XlsxWriter {
  private readonly zip: ZipWriter;
  private row = 0;
  private readonly rowFormat: XlsxRowFormat;

  constructor(path: string, options: { sheetName?: string; textColumns?: readonly boolean[] }) {
    this.zip = new ZipWriter(path);
    this.rowFormat = new XlsxRowFormat(options.textColumns);
    this.zip.startEntry('xl/worksheets/sheet1.xml');
    const cols = (options.textColumns ?? [])
      .map((t, i) => (t ? `<col min="${i + 1}" max="${i + 1}" width="14" style="1" customWidth="1"/>` : ''))
      .join('');
    this.zip.append(
      `${XML}<worksheet xmlns="${NS}" xmlns:r="${REL}">${cols ? `<cols>${cols}</cols>` : ''}<sheetData>`,
    );
    this.sheet = sheetName(options.sheetName ?? 'Contacts');
  }

  private readonly sheet: string;

  write(cells: readonly string[]): void {
    this.writeTemplate(this.rowFormat.template(cells));
  }

  /** Writes a row made by XlsxRowFormat.template() (same options), numbering it. */
  writeTemplate(template: string): void {
    this.zip.append(template.replaceAll(ROW_NUMBER, String(++this.row)));
  }

  close(): void {
    this.zip.append('</sheetData></worksheet>');
    this.zip.endEntry();
    for (const [name, content] of STATIC_PARTS) {
      this.zip.startEntry(name);
      this.zip.append(content);
      this.zip.endEntry();
    }
    this.zip.startEntry('xl/workbook.xml');
    this.zip.append(
      `${XML}<workbook xmlns="${NS}" xmlns:r="${REL}"><sheets><sheet name="${this.sheet}" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    );
    this.zip.endEntry();
    this.zip.close();
  }

  abort(): void {
    this.zip.abort();
  }
}
