import { basename } from 'node:path';
import type { SheetInfo, SheetState } from '../../../shared/contract/import';
import { AppError } from '../../../shared/errors';
import { builtinFormat, classifyFormat, type NumberStyle, unescapeOoxml } from './xlsx-cell-format';
import { attr, scanXml, XmlScanner } from './xml-scanner';
import { ZipArchive } from './zip-archive';

export interface WorkbookSheet extends SheetInfo {
  /** Path of the sheet part inside the archive (xl/worksheets/sheet1.xml). */
  part: string | null;
}

/** The parts of a workbook every sheet needs: sheet list, date system, styles, shared strings. */
export interface WorkbookInfo {
  zip: ZipArchive;
  sheets: WorkbookSheet[];
  date1904: boolean;
}

function parseSmall(xml: string, open: (name: string, attrs: string) => void): void {
  const scanner = new XmlScanner({ open, close: () => undefined, text: () => undefined });
  scanner.write(xml);
  scanner.end();
}

function resolvePart(target: string): string {
  if (target.startsWith('/')) return target.slice(1);
  const parts = ['xl'];
  for (const seg of target.split('/')) {
    if (seg === '..') parts.pop();
    else if (seg !== '.') parts.push(seg);
  }
  return parts.join('/');
}

/** Opens an .xlsx: checks it is a workbook and reads the sheet list (with visibility) and date system. */
export function openWorkbook(path: string): WorkbookInfo {
  const zip = new ZipArchive(path);
  const workbookXml = zip.readSmall('xl/workbook.xml');
  if (!workbookXml) {
    throw new AppError(
      'import.not-a-workbook',
      `${basename(path)} is a ZIP archive but not an Excel workbook (no xl/workbook.xml).`,
      { path },
    );
  }
  const rels = new Map<string, { target: string; type: string }>();
  parseSmall(zip.readSmall('xl/_rels/workbook.xml.rels')?.toString('utf8') ?? '', (name, a) => {
    if (name === 'Relationship')
      rels.set(attr(a, 'Id') ?? '', { target: attr(a, 'Target') ?? '', type: attr(a, 'Type') ?? '' });
  });
  const sheets: WorkbookSheet[] = [];
  let date1904 = false;
  parseSmall(workbookXml.toString('utf8'), (name, a) => {
    if (name === 'workbookPr') {
      // Extension elements (x14:workbookPr) share the local name; only the one carrying date1904 counts.
      const v = attr(a, 'date1904');
      if (v !== undefined) date1904 = v === '1' || v === 'true';
    } else if (name === 'sheet') {
      const rel = rels.get(attr(a, 'r:id') ?? attr(a, 'id') ?? '');
      const state = (attr(a, 'state') ?? 'visible') as SheetState;
      const chart = rel ? /chartsheet/i.test(rel.type) || /chartsheets\//.test(rel.target) : false;
      sheets.push({
        name: attr(a, 'name') ?? `Sheet${sheets.length + 1}`,
        state: state === 'hidden' || state === 'veryHidden' ? state : 'visible',
        kind: chart ? 'chartsheet' : 'worksheet',
        part: rel && !chart ? resolvePart(rel.target) : null,
      });
    }
  });
  return { zip, sheets, date1904 };
}

/** Number style per cell style index (the `s` attribute of a cell), from xl/styles.xml. */
export function readNumberStyles(zip: ZipArchive): NumberStyle[] {
  const xml = zip.readSmall('xl/styles.xml')?.toString('utf8');
  if (!xml) return [];
  const custom = new Map<number, string>();
  const styles: NumberStyle[] = [];
  let inCellXfs = false;
  const scanner = new XmlScanner({
    open(name, a) {
      if (name === 'numFmt') custom.set(Number(attr(a, 'numFmtId')), attr(a, 'formatCode') ?? '');
      else if (name === 'cellXfs') inCellXfs = true;
      else if (name === 'xf' && inCellXfs) {
        const id = Number(attr(a, 'numFmtId') ?? 0);
        styles.push(classifyFormat(custom.get(id) ?? builtinFormat(id)));
      }
    },
    close(name) {
      if (name === 'cellXfs') inCellXfs = false;
    },
    text: () => undefined,
  });
  scanner.write(xml);
  scanner.end();
  return styles;
}

/**
 * The shared string table, rich text flattened to plain text. Phonetic runs (`<rPh>`, Japanese
 * readings) are not part of the visible text and are left out.
 */
export async function readSharedStrings(zip: ZipArchive): Promise<string[]> {
  if (!zip.has('xl/sharedStrings.xml')) return [];
  const strings: string[] = [];
  let current = '';
  let inT = false;
  let inPhonetic = false;
  await scanXml(zip.stream('xl/sharedStrings.xml'), {
    open(name, _a, selfClosing) {
      if (name === 'si') current = '';
      else if (name === 't' && !selfClosing) inT = !inPhonetic;
      else if (name === 'rPh') inPhonetic = true;
    },
    close(name) {
      if (name === 't') inT = false;
      else if (name === 'rPh') inPhonetic = false;
      else if (name === 'si') strings.push(unescapeOoxml(current));
    },
    text(t) {
      if (inT) current += t;
    },
  });
  return strings;
}
