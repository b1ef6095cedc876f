import { CLEAR_MARKER } from '../../../shared/secutix/value-rules';
import { startsLikeFormula } from './csv-format';

const COMMA = 0x2c;
const QUOTE = 0x22;
const APOSTROPHE = 0x27;
const CR = 0x0d;
const LF = 0x0a;

/** A high surrogate at k followed by a low one: one code point, 4 UTF-8 bytes. */
function isPairAt(v: string, k: number): boolean {
  const c = v.charCodeAt(k);
  const next = k + 1 < v.length ? v.charCodeAt(k + 1) : 0;
  return c >= 0xd800 && c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff;
}

/**
 * Writes the non-ASCII UTF-16 unit c = v[k] (with v[k + 1] when they form a surrogate pair) as
 * UTF-8 at p; returns the end. A lone surrogate is written U+FFFD, as Buffer.write writes it.
 */
function utf8(buf: Uint8Array, p: number, v: string, k: number, c: number): number {
  if (c < 0x800) {
    buf[p++] = 0xc0 | (c >> 6);
    buf[p++] = 0x80 | (c & 0x3f);
    return p;
  }
  if (c >= 0xd800 && c <= 0xdfff) {
    if (isPairAt(v, k)) {
      const cp = 0x10000 + ((c - 0xd800) << 10) + (v.charCodeAt(k + 1) - 0xdc00);
      buf[p++] = 0xf0 | (cp >> 18);
      buf[p++] = 0x80 | ((cp >> 12) & 0x3f);
      buf[p++] = 0x80 | ((cp >> 6) & 0x3f);
      buf[p++] = 0x80 | (cp & 0x3f);
      return p;
    }
    c = 0xfffd;
  }
  buf[p++] = 0xe0 | (c >> 12);
  buf[p++] = 0x80 | ((c >> 6) & 0x3f);
  buf[p++] = 0x80 | (c & 0x3f);
  return p;
}

/**
 * CSV records encoded straight to UTF-8 bytes in one growing buffer: the bytes of
 * `csvSparseRecord(cells, columns, guard)` (csv-format.ts, the reference), without building the
 * record's string nor calling the encoder per value (measured: 2 µs a row through strings and
 * Buffer.write, 0.6 directly). A worker hands the buffer over without a copy (transfer).
 */
export class CsvBytes {
  private buf: Uint8Array;
  private used = 0;

  constructor(initialBytes = 1 << 16) {
    // Not from Buffer's shared pool: the whole ArrayBuffer may be transferred to another thread.
    this.buf = new Uint8Array(initialBytes);
  }

  private reserve(bytes: number): void {
    if (this.used + bytes <= this.buf.length) return;
    const bigger = new Uint8Array(Math.max(this.used + bytes, this.buf.length * 2));
    bigger.set(this.buf.subarray(0, this.used));
    this.buf = bigger;
  }

  /**
   * Appends one record of `cells.length` cells: only the columns listed in `columns` (ascending,
   * each once) are read, every other cell is empty; CRLF line end.
   */
  sparseRecord(cells: readonly string[], columns: readonly number[], guard: boolean): void {
    let at = 0; // column the next separator run starts from
    for (const i of columns) {
      const v = cells[i]!;
      if (v === '') continue;
      // Separators, then at most 3 bytes per UTF-16 unit (a doubled quote: 2), ' and 2 quotes.
      this.reserve(i - at + v.length * 3 + 3);
      const buf = this.buf;
      let p = this.used;
      for (let k = at; k < i; k++) buf[p++] = COMMA;
      this.used = this.field(buf, p, v, guard && v !== CLEAR_MARKER && startsLikeFormula(v));
      at = i;
    }
    const trailing = Math.max(cells.length - 1 - at, 0);
    this.reserve(trailing + 2);
    const buf = this.buf;
    let p = this.used;
    for (let k = 0; k < trailing; k++) buf[p++] = COMMA;
    buf[p++] = CR;
    buf[p++] = LF;
    this.used = p;
  }

  /**
   * Writes csvField(guarded ? `'${v}` : v) as UTF-8 at `start` (room reserved); returns the end.
   * Written unquoted first: a comma, quote or line break met on the way restarts it quoted.
   */
  private field(buf: Uint8Array, start: number, v: string, guarded: boolean): number {
    let p = start;
    if (guarded) buf[p++] = APOSTROPHE;
    for (let k = 0; k < v.length; k++) {
      const c = v.charCodeAt(k);
      if (c >= 0x80) {
        p = utf8(buf, p, v, k, c);
        if (c >= 0xd800 && c <= 0xdbff && isPairAt(v, k)) k++;
      } else if (c === COMMA || c === QUOTE || c === CR || c === LF) {
        return this.quotedField(buf, start, v, guarded);
      } else buf[p++] = c;
    }
    return p;
  }

  private quotedField(buf: Uint8Array, start: number, v: string, guarded: boolean): number {
    let p = start;
    buf[p++] = QUOTE;
    if (guarded) buf[p++] = APOSTROPHE;
    for (let k = 0; k < v.length; k++) {
      const c = v.charCodeAt(k);
      if (c >= 0x80) {
        p = utf8(buf, p, v, k, c);
        if (c >= 0xd800 && c <= 0xdbff && isPairAt(v, k)) k++;
      } else {
        buf[p++] = c;
        if (c === QUOTE) buf[p++] = QUOTE;
      }
    }
    buf[p++] = QUOTE;
    return p;
  }

  /** The bytes written (a view on the builder's own ArrayBuffer: use the builder no more). */
  bytes(): Uint8Array {
    return this.buf.subarray(0, this.used);
  }
}
