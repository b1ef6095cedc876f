import { closeSync, createReadStream, fstatSync, openSync, readSync } from 'node:fs';
import { basename } from 'node:path';
import { createInflateRaw, inflateRawSync } from 'node:zlib';
import { AppError } from '../../../shared/errors';

export interface ZipEntry {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localHeaderOffset: number;
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
const LOCAL_SIGNATURE = 0x04034b50;

/**
 * Random access to the entries of a ZIP file (an .xlsx) through its central directory: only the
 * parts needed are read (workbook, styles, shared strings, the chosen sheet), and a truncated
 * file is detected before anything is imported, because the directory sits at the very end.
 */
export class ZipArchive {
  readonly entries = new Map<string, ZipEntry>();
  private readonly fileName: string;

  constructor(private readonly path: string) {
    this.fileName = basename(path);
    const fd = openSync(path, 'r');
    try {
      this.readDirectory(fd);
    } finally {
      closeSync(fd);
    }
  }

  private corrupt(reason: string): AppError {
    return new AppError(
      'import.corrupt-xlsx',
      `${this.fileName} is damaged or incomplete (${reason}). Open it in Excel and save it again, or export it as CSV.`,
      { path: this.path },
    );
  }

  private readDirectory(fd: number): void {
    const size = fstatSync(fd).size;
    const tailLength = Math.min(size, 65_557); // EOCD (22) + longest comment (65535)
    const tail = Buffer.alloc(tailLength);
    readSync(fd, tail, 0, tailLength, size - tailLength);
    let eocd = -1;
    for (let i = tailLength - 22; i >= 0; i--) {
      if (tail.readUInt32LE(i) === EOCD_SIGNATURE) {
        eocd = i;
        break;
      }
    }
    if (eocd < 0)
      throw this.corrupt(
        'the ZIP directory at the end of the file is missing, the file was probably cut off',
      );
    const count = tail.readUInt16LE(eocd + 10);
    const dirSize = tail.readUInt32LE(eocd + 12);
    const dirOffset = tail.readUInt32LE(eocd + 16);
    if (dirOffset === 0xffffffff || count === 0xffff) throw this.corrupt('ZIP64 archives are not supported');
    if (dirOffset + dirSize > size) throw this.corrupt('the ZIP directory points past the end of the file');
    const dir = Buffer.alloc(dirSize);
    readSync(fd, dir, 0, dirSize, dirOffset);
    let p = 0;
    for (let i = 0; i < count; i++) {
      if (p + 46 > dir.length || dir.readUInt32LE(p) !== CENTRAL_SIGNATURE)
        throw this.corrupt('bad ZIP directory entry');
      const nameLength = dir.readUInt16LE(p + 28);
      const extraLength = dir.readUInt16LE(p + 30);
      const commentLength = dir.readUInt16LE(p + 32);
      const entry: ZipEntry = {
        method: dir.readUInt16LE(p + 10),
        compressedSize: dir.readUInt32LE(p + 20),
        size: dir.readUInt32LE(p + 24),
        localHeaderOffset: dir.readUInt32LE(p + 42),
        name: dir.toString('utf8', p + 46, p + 46 + nameLength),
      };
      if (entry.localHeaderOffset + entry.compressedSize > size)
        throw this.corrupt(`entry ${entry.name} is cut off`);
      this.entries.set(entry.name.replace(/^\//, ''), entry);
      p += 46 + nameLength + extraLength + commentLength;
    }
  }

  has(name: string): boolean {
    return this.entries.has(name);
  }

  private dataOffset(fd: number, entry: ZipEntry): number {
    const header = Buffer.alloc(30);
    readSync(fd, header, 0, 30, entry.localHeaderOffset);
    if (header.readUInt32LE(0) !== LOCAL_SIGNATURE)
      throw this.corrupt(`entry ${entry.name} has no local header`);
    return entry.localHeaderOffset + 30 + header.readUInt16LE(26) + header.readUInt16LE(28);
  }

  private checkMethod(entry: ZipEntry): void {
    if (entry.method !== 0 && entry.method !== 8) {
      throw this.corrupt(`entry ${entry.name} uses unsupported compression method ${entry.method}`);
    }
  }

  /** Whole entry in memory: for the small parts (workbook, relationships). */
  readSmall(name: string): Buffer | undefined {
    const entry = this.entries.get(name);
    if (!entry) return undefined;
    this.checkMethod(entry);
    const fd = openSync(this.path, 'r');
    try {
      const data = Buffer.alloc(entry.compressedSize);
      readSync(fd, data, 0, entry.compressedSize, this.dataOffset(fd, entry));
      try {
        return entry.method === 0 ? data : inflateRawSync(data);
      } catch {
        throw this.corrupt(`entry ${name} cannot be decompressed`);
      }
    } finally {
      closeSync(fd);
    }
  }

  /** Decompressed chunks of an entry, streamed (sheets and shared strings can be hundreds of MB). */
  async *stream(name: string): AsyncGenerator<Buffer> {
    const entry = this.entries.get(name);
    if (!entry) throw this.corrupt(`entry ${name} is missing`);
    this.checkMethod(entry);
    const fd = openSync(this.path, 'r');
    let start: number;
    try {
      start = this.dataOffset(fd, entry);
    } finally {
      closeSync(fd);
    }
    if (entry.compressedSize === 0) return;
    const raw = createReadStream(this.path, {
      start,
      end: start + entry.compressedSize - 1,
      highWaterMark: 256 * 1024,
    });
    const source = entry.method === 0 ? raw : raw.pipe(createInflateRaw({ chunkSize: 256 * 1024 }));
    if (source !== raw) raw.on('error', (e) => source.destroy(e));
    try {
      for await (const chunk of source as AsyncIterable<Buffer>) yield chunk;
    } catch (e) {
      if (e instanceof AppError) throw e;
      throw this.corrupt(`entry ${name} cannot be decompressed: ${(e as Error).message}`);
    } finally {
      raw.destroy();
      source.destroy();
    }
  }
}
