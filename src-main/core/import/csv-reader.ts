import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import { AppError } from '../../../shared/errors';
import { detectDialect, type CsvDialect } from './csv-dialect';
import { createRecordCutter } from './csv-records';
import { createChunkDecoder, detectEncoding, type DetectedEncoding } from './encoding';
import { readHead } from './file-kind';

export interface CsvPlan {
  encoding: DetectedEncoding;
  dialect: CsvDialect;
}

/** Decoded text of the file's first 64 KB (a cut multi-byte character at the end is dropped). */
function decodeSample(head: Buffer, enc: DetectedEncoding, fileName: string): string {
  const decoder = createChunkDecoder(enc, fileName);
  try {
    return decoder.write(head);
  } catch {
    return head.toString('latin1');
  }
}

/** Detects encoding and dialect from the start of the file; overrides win. */
export function planCsv(path: string, overrides: { encoding?: string; delimiter?: string }): CsvPlan {
  const fileName = basename(path);
  const head = readHead(path);
  const encoding = detectEncoding(head, fileName, overrides.encoding);
  const sample = decodeSample(head, encoding, fileName);
  return { encoding, dialect: detectDialect(sample, overrides.delimiter) };
}

/** One record needs more text than this: a quote was opened and never closed. */
const MAX_RECORD_CHARS = 8 * 1024 * 1024;
const READ_CHUNK = 1024 * 1024;

export interface CsvReadResult {
  size: number;
  sha256: string;
  /** Parse problems (malformed quotes) with the line of the record. */
  problems: Array<{ row: number; code: string; message: string }>;
}

/** Line breaks (CRLF, LF or CR each count as one) inside the cells of a record. */
function breaksInside(cells: string[]): number {
  let n = 0;
  for (const c of cells) {
    if (c.indexOf('\n') === -1 && c.indexOf('\r') === -1) continue;
    for (let i = 0; i < c.length; i++) {
      const ch = c.charCodeAt(i);
      if (ch === 10) n++;
      else if (ch === 13) {
        n++;
        if (c.charCodeAt(i + 1) === 10) i++;
      }
    }
  }
  return n;
}

/**
 * Streams a CSV file: raw bytes are hashed, decoded to text (never parsed as raw chunks, which
 * would split multi-byte characters), and cut into whole records (csv-records.ts; the unfinished
 * tail of each chunk waits for the next). `onRecord` gets the physical line where
 * each record starts and the record's JSON (its stored form); `afterChunk` may await (cancel checkpoints) between chunks and returns true
 * to stop reading early (preview): the unfinished tail is then dropped.
 */
export async function readCsv(
  path: string,
  plan: CsvPlan,
  onRecord: (rowNumber: number, cells: string[], json: string) => void,
  afterChunk: (bytesRead: number) => Promise<boolean | void>,
): Promise<CsvReadResult> {
  const fileName = basename(path);
  const { quoteChar } = plan.dialect;
  const cut = createRecordCutter(plan.dialect);
  const decoder = createChunkDecoder(plan.encoding, fileName);
  const hash = createHash('sha256');
  const problems: CsvReadResult['problems'] = [];
  const skipSepLine = plan.dialect.sepLine === true;
  let size = 0;
  let line = 1;
  let pending = '';

  const emit = (input: string, last: boolean): void => {
    const { records, errors, consumed } = cut(input, last);
    const count = records.length;
    // Each record is serialised here once (the stored form); its JSON shows at a glance whether
    // a cell holds a line break (escaped as \n or \r), which moves the next record's line down.
    const starts = new Array<number>(count);
    const jsons = new Array<string>(count);
    let l = line;
    for (let i = 0; i < count; i++) {
      const json = JSON.stringify(records[i]);
      jsons[i] = json;
      starts[i] = l;
      l += 1;
      if (json.indexOf('\\n') !== -1 || json.indexOf('\\r') !== -1) l += breaksInside(records[i]!);
    }
    for (const e of errors) {
      const row = starts[e.index]!;
      problems.push({
        row,
        code: e.code === 'MissingQuotes' ? 'unclosed_quote' : 'malformed_quotes',
        message:
          e.code === 'MissingQuotes'
            ? `Row ${row}: a quoted field is never closed; the rest of the file was read into it.`
            : `Row ${row}: a quote inside a quoted field is not doubled; the field runs on to the next closing quote (check this row and the next ones).`,
      });
    }
    for (let i = 0; i < count; i++) {
      if (skipSepLine && starts[i] === 1) continue;
      onRecord(starts[i]!, records[i]!, jsons[i]!);
    }
    line = l;
    pending = last ? '' : input.substring(consumed);
  };

  const stream = createReadStream(path, { highWaterMark: READ_CHUNK });
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      hash.update(chunk);
      size += chunk.length;
      const text = decoder.write(chunk);
      if (text.length === 0) continue;
      emit(pending.length ? pending + text : text, false);
      if (pending.length > MAX_RECORD_CHARS) {
        throw new AppError(
          'import.unclosed-quote',
          `${fileName}, row ${line}: a quoted field (${quoteChar}) is never closed — the record runs on for more than ${MAX_RECORD_CHARS / 1048576} MB. Fix the quote in the file and import again.`,
          { fileName, row: line },
        );
      }
      if ((await afterChunk(size)) === true) return { size, sha256: '', problems };
    }
  } catch (e) {
    // A file that disappears or cannot be read any more midway (network drive, USB stick).
    if (e instanceof Error && 'syscall' in e) {
      throw new AppError('import.read-failed', `Cannot read ${fileName} after ${size} bytes: ${e.message}`, {
        fileName,
        bytes: size,
      });
    }
    throw e;
  } finally {
    stream.destroy();
  }
  emit(pending + decoder.end(), true);
  return { size, sha256: hash.digest('hex'), problems };
}
