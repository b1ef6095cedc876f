import Papa from 'papaparse';
import type { CsvDialect } from './csv-dialect';

export interface CutRecords {
  records: string[][];
  /** Parse problems by index into `records`. */
  errors: Array<{ index: number; code: 'MissingQuotes' | 'InvalidQuotes' }>;
  /** Characters of the input fully consumed (the rest is an unfinished record). */
  consumed: number;
}

/**
 * Cuts decoded text into records. A line without any quote character is split directly (no
 * quoted field can start or end in it); a line with one goes through Papa's RFC 4180 parser, one
 * record at a time, so multi-line quoted cells, doubled quotes and delimiters inside quotes keep
 * Papa's exact semantics. Export files quote few lines, so most records take the direct path,
 * about three times cheaper than running Papa over the whole chunk.
 * With `last` false, an unfinished final record is left unconsumed for the next chunk.
 */
export function createRecordCutter(dialect: CsvDialect): (input: string, last: boolean) => CutRecords {
  const { delimiter, quoteChar, newline } = dialect;
  const quoted = new Papa.Parser({ delimiter, quoteChar, newline, preview: 1 });
  const nlLength = newline.length;
  return (input, last) => {
    const records: string[][] = [];
    const errors: CutRecords['errors'] = [];
    let pos = 0;
    const n = input.length;
    // Position of the next quote character at or after pos (n when none): searched again only
    // once passed, so lines without quotes cost one indexOf for the line end.
    let nextQuote = -1;
    while (pos < n) {
      const nl = input.indexOf(newline, pos);
      const end = nl === -1 ? n : nl;
      if (nl === -1 && !last) break;
      if (nextQuote < pos) {
        nextQuote = input.indexOf(quoteChar, pos);
        if (nextQuote === -1) nextQuote = n;
      }
      if (nextQuote >= end) {
        records.push(input.slice(pos, end).split(delimiter));
        pos = nl === -1 ? n : nl + nlLength;
        continue;
      }
      const res = quoted.parse(input.slice(pos), 0, !last) as Papa.ParseResult<string[]>;
      if (res.data.length === 0) break; // the quoted record continues in the next chunk
      for (const e of res.errors) {
        if (e.code === 'MissingQuotes' || e.code === 'InvalidQuotes')
          errors.push({ index: records.length, code: e.code });
      }
      records.push(res.data[0]!);
      const used = res.meta.cursor;
      pos += used > 0 ? used : n - pos;
    }
    return { records, errors, consumed: pos };
  };
}
