import { formatNumber, type NumberStyle, unescapeOoxml } from './xlsx-cell-format';
import { attr, scanXml } from './xml-scanner';
import type { ZipArchive } from './zip-archive';

export interface CellRange {
  ref: string;
  /** 1-based rows, 0-based columns (like the cells arrays). */
  top: number;
  left: number;
  bottom: number;
  right: number;
}

export interface SheetContext {
  sharedStrings: string[];
  styles: NumberStyle[];
  date1904: boolean;
}

export interface SheetCallbacks {
  /** A row with its cells, dense from column A (missing cells are ''). */
  onRow(rowNumber: number, cells: string[]): void;
  onWarning(row: number, cellRef: string, code: string, message: string): void;
  /** Called between chunks; return true to stop reading (preview). */
  between(): Promise<boolean | void>;
  /**
   * Optional: how a non-empty cell was stored, before its row is reported (the validator flags
   * formulas and numbers where SecuTix needs text).
   */
  onCell?(column: number, stored: 'formula' | 'number'): void;
}

const PLAIN: NumberStyle = { kind: 'plain' };

/** 'AB12' → 27 (0-based column index). */
export function columnIndex(ref: string): number {
  let n = 0;
  for (let i = 0; i < ref.length; i++) {
    const c = ref.charCodeAt(i);
    if (c >= 65 && c <= 90) n = n * 26 + (c - 64);
    else if (c >= 97 && c <= 122) n = n * 26 + (c - 96);
    else break;
  }
  return n - 1;
}

export function columnLetters(index: number): string {
  let s = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

function parseRange(ref: string): CellRange | undefined {
  const m = /^([A-Za-z]+)(\d+)(?::([A-Za-z]+)(\d+))?$/.exec(ref);
  if (!m) return undefined;
  return {
    ref,
    left: columnIndex(m[1]!),
    top: Number(m[2]),
    right: columnIndex(m[3] ?? m[1]!),
    bottom: Number(m[4] ?? m[2]),
  };
}

/**
 * Streams one worksheet part and turns each `<row>` into text cells: shared and inline strings
 * (rich text flattened), booleans TRUE/FALSE, formulas as their cached result, error values as
 * shown (#N/A), numbers through their number format (dates → ISO, `00000` → zero-padded).
 * Returns the merged ranges listed after the cell data.
 */
export async function readSheet(
  zip: ZipArchive,
  part: string,
  ctx: SheetContext,
  cb: SheetCallbacks,
): Promise<{ merges: CellRange[]; stopped: boolean }> {
  const merges: CellRange[] = [];
  let rowNumber = 0;
  let cells: string[] | null = null;
  let col = -1;
  let ref = '';
  let type = '';
  let style = 0;
  let value = '';
  let hasValue = false;
  let hasFormula = false;
  let capture = false;
  let inInline = false;
  let inPhonetic = false;

  const cellText = (): string | undefined => {
    if (!hasValue) {
      if (hasFormula)
        cb.onWarning(
          rowNumber,
          ref,
          'formula_without_value',
          `Cell ${ref}: the formula has no saved result; the cell is read as empty. Recalculate and save the file in Excel to import its value.`,
        );
      return undefined;
    }
    switch (type) {
      case 's': {
        const s = ctx.sharedStrings[Number(value)];
        if (s === undefined)
          cb.onWarning(
            rowNumber,
            ref,
            'missing_shared_string',
            `Cell ${ref}: refers to shared string ${value}, which the file does not contain.`,
          );
        return s;
      }
      case 'inlineStr':
      case 'str':
        return unescapeOoxml(value);
      case 'b':
        return value === '1' || value === 'true' ? 'TRUE' : 'FALSE';
      case 'e':
        cb.onWarning(rowNumber, ref, 'cell_error', `Cell ${ref} holds the error value ${value}.`);
        return value;
      case 'd':
        return isoText(value);
      default:
        return formatNumber(value, ctx.styles[style] ?? PLAIN, ctx.date1904);
    }
  };

  let stopped = false;
  await scanXml(
    zip.stream(part),
    {
      open(name, a, selfClosing) {
        switch (name) {
          case 'row': {
            const r = attr(a, 'r');
            rowNumber = r ? Number(r) : rowNumber + 1;
            cells = [];
            col = -1;
            break;
          }
          case 'c': {
            if (!cells) break;
            const r = attr(a, 'r');
            col = r ? columnIndex(r) : col + 1;
            ref = r ?? `${columnLetters(col)}${rowNumber}`;
            type = attr(a, 't') ?? 'n';
            const s = attr(a, 's');
            style = s ? Number(s) : 0;
            value = '';
            hasValue = false;
            hasFormula = false;
            break;
          }
          case 'v':
            if (!selfClosing) {
              capture = true;
              hasValue = true;
            }
            break;
          case 'f':
            hasFormula = true;
            break;
          case 'is':
            inInline = true;
            hasValue = true;
            break;
          case 'rPh':
            inPhonetic = true;
            break;
          case 't':
            if (inInline && !inPhonetic && !selfClosing) capture = true;
            break;
          case 'mergeCell': {
            const range = parseRange(attr(a, 'ref') ?? '');
            if (range) merges.push(range);
            break;
          }
        }
      },
      close(name) {
        switch (name) {
          case 'v':
          case 't':
            capture = false;
            break;
          case 'is':
            inInline = false;
            break;
          case 'rPh':
            inPhonetic = false;
            break;
          case 'c': {
            if (!cells) break;
            if (cb.onCell) {
              if (hasFormula) cb.onCell(col, 'formula');
              else if (hasValue && (type === 'n' || type === 'd')) cb.onCell(col, 'number');
            }
            const text = cellText();
            if (text !== undefined && text !== '') {
              while (cells.length < col) cells.push('');
              cells[col] = text;
            }
            break;
          }
          case 'row':
            if (cells) cb.onRow(rowNumber, cells);
            cells = null;
            break;
        }
      },
      text(t) {
        if (capture) value += t;
      },
    },
    async () => {
      if ((await cb.between()) === true) {
        stopped = true;
        return true;
      }
      return false;
    },
  );
  return { merges, stopped };
}

/** A `t="d"` cell holds ISO 8601 text; midnight times are dropped like a date-formatted serial. */
function isoText(value: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})(?:T(\d{2}:\d{2}:\d{2}))?/.exec(value);
  if (!m) return value;
  return !m[2] || m[2] === '00:00:00' ? m[1]! : `${m[1]} ${m[2]}`;
}
