import { closeSync, openSync, readSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { AppError } from '../../../shared/errors';

export type FileKind = 'csv' | 'xlsx';

const SNIFF_BYTES = 64 * 1024;

/** Reads up to `length` bytes from the start of a file (the sample every detector looks at). */
export function readHead(path: string, length = SNIFF_BYTES): Buffer {
  const fd = openSync(path, 'r');
  try {
    const buf = Buffer.alloc(length);
    const n = readSync(fd, buf, 0, length, 0);
    return buf.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

const OLE2_MAGIC = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);
const EMPTY_ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x05, 0x06]);

/**
 * Decides from the bytes (not the extension) how to read a file, and refuses what we cannot read
 * with a message the user can act on. Encrypted .xlsx files are OLE2 containers too: they hold an
 * `EncryptedPackage` stream, which is how they are told apart from legacy .xls workbooks.
 */
export function sniffFileKind(path: string): FileKind {
  const name = basename(path);
  let size: number;
  try {
    const st = statSync(path);
    if (st.isDirectory())
      throw new AppError('import.not-a-file', `${name} is a folder, not a file.`, { path });
    size = st.size;
  } catch (e) {
    if (e instanceof AppError) throw e;
    throw new AppError('import.file-not-found', `Cannot read ${path}: ${(e as Error).message}`, { path });
  }
  if (size === 0)
    throw new AppError('import.empty-file', `${name} is empty (0 bytes): nothing to import.`, { path });
  const head = readHead(path);
  if (head.subarray(0, 8).equals(OLE2_MAGIC)) {
    const utf16 = head.toString('utf16le');
    if (utf16.includes('EncryptedPackage') || utf16.includes('EncryptionInfo')) {
      throw new AppError(
        'import.encrypted',
        `${name} is password-protected (encrypted). Open it in Excel, remove the password (File > Info > Protect Workbook), save it and import again.`,
        { path },
      );
    }
    throw new AppError(
      'import.legacy-xls',
      `${name} is a legacy Excel 97-2003 workbook (.xls), which ContactPrep cannot read. Open it in Excel or LibreOffice and save it as .xlsx or CSV, then import that file.`,
      { path },
    );
  }
  if (head.subarray(0, 4).equals(ZIP_MAGIC)) return 'xlsx';
  if (head.subarray(0, 4).equals(EMPTY_ZIP_MAGIC)) {
    throw new AppError('import.corrupt-xlsx', `${name} is an empty ZIP archive, not an Excel workbook.`, {
      path,
    });
  }
  return 'csv';
}
