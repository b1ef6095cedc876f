import { closeSync, openSync, writeSync } from 'node:fs';
import { constants, crc32, deflateRawSync } from 'node:zlib';
import { AppError } from '../../../shared/errors';

interface Entry {
  name: Buffer;
  offset: number;
  crc: number;
  compressed: number;
  size: number;
}

const DOS_TIME = 0; // 00:00:00
const DOS_DATE = ((2020 - 1980) << 9) | (1 << 5) | 1; // 1 Jan 2020: fixed, so files are reproducible
const LIMIT = 0xffffffff; // no ZIP64: 4 GB per entry and per file
const CHUNK = 1 << 20;
// Level 1: ~3× less deflate CPU than the default 6 for ~18% more bytes (bench sheet, 100k rows:
// 6 → 7.6 µs/row 10.9 MB, 3 → 3.6 µs 12.3 MB, 1 → 2.6 µs 12.9 MB).
const DEFLATE_LEVEL = 1;

/**
 * Minimal streaming ZIP writer (deflate, data descriptors, no ZIP64) for the XLSX export: each
 * entry is compressed chunk by chunk and written at once, so memory stays at one chunk whatever
 * the file size. Synchronous writes: the export is a job that yields between batches.
 */
export class ZipWriter {
  private readonly fd: number;
  private offset = 0;
  private readonly entries: Entry[] = [];
  private current: Entry | null = null;
  /** Uncompressed content of the current chunk: text is encoded straight into it, no per-row Buffer. */
  private staging = Buffer.allocUnsafe(2 * CHUNK);
  private used = 0;

  constructor(path: string) {
    this.fd = openSync(path, 'w');
  }

  private write(buf: Buffer): void {
    writeSync(this.fd, buf);
    this.offset += buf.length;
    if (this.offset > LIMIT) throw new AppError('export.too-large', 'The XLSX file would exceed 4 GB.');
  }

  /** Starts an entry; append() its content in chunks, then endEntry(). */
  startEntry(name: string): void {
    const nameBuf = Buffer.from(name, 'utf8');
    const header = Buffer.alloc(30);
    header.writeUInt32LE(0x04034b50, 0);
    header.writeUInt16LE(20, 4); // version needed
    header.writeUInt16LE(0x0808, 6); // data descriptor + UTF-8 names
    header.writeUInt16LE(8, 8); // deflate
    header.writeUInt16LE(DOS_TIME, 10);
    header.writeUInt16LE(DOS_DATE, 12);
    // crc and sizes (14..25) are zero: they follow in the data descriptor
    header.writeUInt16LE(nameBuf.length, 26);
    header.writeUInt16LE(0, 28);
    const offset = this.offset;
    this.write(header);
    this.write(nameBuf);
    this.current = { name: nameBuf, offset, crc: 0, compressed: 0, size: 0 };
    this.used = 0;
  }

  /** Adds content to the current entry (buffered up to ~1 MB, then compressed and written). */
  append(text: string): void {
    const max = text.length * 3; // UTF-8 bytes per UTF-16 unit, at most
    if (this.used + max > this.staging.length) {
      if (this.used > 0) this.flush(false);
      if (max > this.staging.length) this.staging = Buffer.allocUnsafe(max);
    }
    this.used += this.staging.write(text, this.used, 'utf8');
    if (this.used >= CHUNK) this.flush(false);
  }

  private flush(final: boolean): void {
    const e = this.current!;
    const raw = this.staging.subarray(0, this.used);
    this.used = 0; // raw is consumed synchronously below, before the next append
    e.crc = crc32(raw, e.crc);
    e.size += raw.length;
    // Each chunk is a complete deflate block sequence; only the last one sets BFINAL.
    const out = deflateRawSync(raw, {
      level: DEFLATE_LEVEL,
      finishFlush: final ? constants.Z_FINISH : constants.Z_SYNC_FLUSH,
    });
    e.compressed += out.length;
    this.write(out);
  }

  endEntry(): void {
    this.flush(true);
    const e = this.current!;
    if (e.size > LIMIT || e.compressed > LIMIT)
      throw new AppError('export.too-large', 'An XLSX part would exceed 4 GB.');
    const dd = Buffer.alloc(16);
    dd.writeUInt32LE(0x08074b50, 0);
    dd.writeUInt32LE(e.crc >>> 0, 4);
    dd.writeUInt32LE(e.compressed, 8);
    dd.writeUInt32LE(e.size, 12);
    this.write(dd);
    this.entries.push({ name: e.name, offset: e.offset, crc: e.crc, compressed: e.compressed, size: e.size });
    this.current = null;
  }

  /** Writes the central directory and closes the file. */
  close(): void {
    const start = this.offset;
    for (const e of this.entries) {
      const h = Buffer.alloc(46);
      h.writeUInt32LE(0x02014b50, 0);
      h.writeUInt16LE(20, 4);
      h.writeUInt16LE(20, 6);
      h.writeUInt16LE(0x0808, 8);
      h.writeUInt16LE(8, 10);
      h.writeUInt16LE(DOS_TIME, 12);
      h.writeUInt16LE(DOS_DATE, 14);
      h.writeUInt32LE(e.crc >>> 0, 16);
      h.writeUInt32LE(e.compressed, 20);
      h.writeUInt32LE(e.size, 24);
      h.writeUInt16LE(e.name.length, 28);
      h.writeUInt32LE(e.offset, 42);
      this.write(h);
      this.write(e.name);
    }
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(this.entries.length, 8);
    end.writeUInt16LE(this.entries.length, 10);
    end.writeUInt32LE(this.offset - start, 12);
    end.writeUInt32LE(start, 16);
    this.write(end);
    closeSync(this.fd);
  }

  /** Closes the file without finishing it (the caller deletes it). */
  abort(): void {
    closeSync(this.fd);
  }
}
