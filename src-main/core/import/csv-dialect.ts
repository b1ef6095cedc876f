import Papa from 'papaparse';

export type Newline = '\r\n' | '\n' | '\r';

export interface CsvDialect {
  delimiter: string;
  quoteChar: string;
  newline: Newline;
  /** The file starts with Excel's `sep=;` hint line, which is neither header nor data. */
  sepLine?: boolean;
}

export const CANDIDATE_DELIMITERS = [',', ';', '\t', '|'] as const;

/** Removes quoted sections so separators inside them are not counted. */
function stripQuoted(text: string, quoteChar: string): string {
  const parts = text.split(quoteChar);
  let out = '';
  for (let i = 0; i < parts.length; i += 2) out += parts[i];
  return out;
}

/**
 * The record separator, judged outside quoted fields (a CRLF file may hold bare LFs inside
 * quoted cells, as Excel writes multi-line cells). A file mixing CRLF and LF between records is
 * read with the majority ending; the minority line ends then stay inside cells.
 */
export function detectNewline(sample: string, quoteChar = '"'): Newline {
  const text = stripQuoted(sample, quoteChar);
  let crlf = 0;
  let lf = 0;
  let cr = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 13) {
      if (text.charCodeAt(i + 1) === 10) {
        crlf++;
        i++;
      } else cr++;
    } else if (c === 10) lf++;
  }
  if (crlf === 0 && lf === 0 && cr === 0) return '\n';
  if (crlf >= lf && crlf >= cr) return '\r\n';
  return lf >= cr ? '\n' : '\r';
}

/**
 * A single quote acts as quote character only in files with no double quotes whose fields
 * visibly start and end with single quotes ('a','b').
 */
export function detectQuoteChar(sample: string, delimiter: string): string {
  if (sample.includes('"')) return '"';
  const d = delimiter.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const quotedFields = sample.match(new RegExp(`(^|${d})'[^'\\r\\n]*'(?=${d}|\\r|\\n|$)`, 'gm'));
  return quotedFields && quotedFields.length >= 2 ? "'" : '"';
}

/** Records of the sample as Papa parses them (last, possibly cut, record dropped). */
function sampleRecords(sample: string, delimiter: string, quoteChar: string, newline: Newline): string[][] {
  const parser = new Papa.Parser({ delimiter, quoteChar, newline });
  const result = parser.parse(sample, 0, sample.length >= 1024) as { data: string[][] };
  return result.data.filter((r) => !(r.length === 1 && r[0] === '')).slice(0, 200);
}

/**
 * Picks the delimiter that splits most sample records into the same number (> 1) of fields.
 * Title rows above the table (a one-cell "Report 2024" line) lower every candidate equally,
 * so they do not change the winner.
 */
export function detectDelimiter(sample: string, newline: Newline): string {
  let best: { delimiter: string; score: number; width: number } = { delimiter: ',', score: -1, width: 0 };
  for (const delimiter of CANDIDATE_DELIMITERS) {
    const records = sampleRecords(sample, delimiter, detectQuoteChar(sample, delimiter), newline);
    if (records.length === 0) continue;
    const widths = new Map<number, number>();
    for (const r of records) widths.set(r.length, (widths.get(r.length) ?? 0) + 1);
    let modeWidth = 1;
    let modeCount = 0;
    for (const [w, n] of widths) {
      if (n > modeCount || (n === modeCount && w > modeWidth)) {
        modeWidth = w;
        modeCount = n;
      }
    }
    if (modeWidth < 2) continue;
    const score = modeCount / records.length;
    if (score > best.score || (score === best.score && modeWidth > best.width)) {
      best = { delimiter, score, width: modeWidth };
    }
  }
  return best.delimiter;
}

export function detectDialect(sample: string, overrideDelimiter?: string): CsvDialect {
  const newline = detectNewline(sample);
  const hint = /^sep=(.)(\r\n|\n|\r|$)/i.exec(sample);
  const delimiter = overrideDelimiter ?? hint?.[1] ?? detectDelimiter(sample, newline);
  const dialect: CsvDialect = { delimiter, quoteChar: detectQuoteChar(sample, delimiter), newline };
  return hint ? { ...dialect, sepLine: true } : dialect;
}
