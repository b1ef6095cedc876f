import chardet from 'chardet';
import iconv from 'iconv-lite';
import { AppError } from '../../../shared/errors';

/** The encoding of a text file and how many BOM bytes precede the text. */
export interface DetectedEncoding {
  encoding: string;
  bomLength: number;
}

/** Canonical names for what users type and chardet reports. */
const ALIASES: Record<string, string> = {
  utf8: 'utf-8',
  'utf-8': 'utf-8',
  'utf-16': 'utf-16le',
  utf16le: 'utf-16le',
  'utf-16le': 'utf-16le',
  utf16be: 'utf-16be',
  'utf-16be': 'utf-16be',
  latin1: 'iso-8859-1',
  'latin-1': 'iso-8859-1',
  'iso-8859-1': 'iso-8859-1',
  'iso8859-1': 'iso-8859-1',
  'iso-8859-15': 'iso-8859-15',
  'iso8859-15': 'iso-8859-15',
  latin9: 'iso-8859-15',
  cp1252: 'windows-1252',
  'windows-1252': 'windows-1252',
  ansi: 'windows-1252',
  macintosh: 'macintosh',
  'mac-roman': 'macintosh',
};

export function normalizeEncodingName(name: string): string {
  const key = name.trim().toLowerCase().replace(/_/g, '-');
  const canonical = ALIASES[key] ?? key;
  if (!iconv.encodingExists(canonical)) {
    throw new AppError(
      'import.unknown-encoding',
      `Unknown encoding "${name}". Use for example utf-8, utf-16le, windows-1252 or iso-8859-15.`,
      { encoding: name },
    );
  }
  return canonical;
}

function bomOf(sample: Buffer): DetectedEncoding | undefined {
  if (sample[0] === 0xef && sample[1] === 0xbb && sample[2] === 0xbf)
    return { encoding: 'utf-8', bomLength: 3 };
  if (sample[0] === 0xff && sample[1] === 0xfe) return { encoding: 'utf-16le', bomLength: 2 };
  if (sample[0] === 0xfe && sample[1] === 0xff) return { encoding: 'utf-16be', bomLength: 2 };
  return undefined;
}

/** UTF-16 without BOM shows as ASCII text with every other byte zero. */
function utf16WithoutBom(sample: Buffer): string | undefined {
  const n = Math.min(sample.length - (sample.length % 2), 4096);
  if (n < 4) return undefined;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < n; i += 2) {
    if (sample[i] === 0) evenZeros++;
    if (sample[i + 1] === 0) oddZeros++;
  }
  const pairs = n / 2;
  if (oddZeros > pairs * 0.6 && evenZeros < pairs * 0.05) return 'utf-16le';
  if (evenZeros > pairs * 0.6 && oddZeros < pairs * 0.05) return 'utf-16be';
  return undefined;
}

function isValidUtf8(sample: Buffer): boolean {
  try {
    // stream: true tolerates a multi-byte character cut at the end of the sample.
    new TextDecoder('utf-8', { fatal: true }).decode(sample, { stream: true });
    return true;
  } catch {
    return false;
  }
}

/**
 * BOM → strict UTF-8 on the sample → chardet. ISO-8859-1 is read as Windows-1252 (its superset:
 * Excel's "ANSI" exports use 0x80–0x9F for €, Š, ž…). ISO-8859-15 cannot be told apart from
 * Windows-1252 by statistics (they differ in 8 code points), so it must be given as an override.
 */
export function detectEncoding(sample: Buffer, fileName: string, override?: string): DetectedEncoding {
  const bom = bomOf(sample);
  if (override) {
    const encoding = normalizeEncodingName(override);
    const bomLength = bom && bom.encoding === encoding ? bom.bomLength : 0;
    return { encoding, bomLength };
  }
  if (bom) return bom;
  const utf16 = utf16WithoutBom(sample);
  if (utf16) return { encoding: utf16, bomLength: 0 };
  if (sample.includes(0)) {
    throw new AppError(
      'import.binary-file',
      `${fileName} does not look like a text (CSV) file or an Excel workbook: it contains binary data.`,
      { fileName },
    );
  }
  if (isValidUtf8(sample)) return { encoding: 'utf-8', bomLength: 0 };
  const guess = (chardet.detect(sample) ?? '').toLowerCase();
  if (guess.startsWith('utf-16')) return { encoding: guess, bomLength: 0 };
  if (guess === 'windows-1250' || guess === 'iso-8859-2') return { encoding: 'windows-1250', bomLength: 0 };
  return { encoding: 'windows-1252', bomLength: 0 };
}

/** Incremental byte → text decoding; `write` never splits a multi-byte character. */
export interface TextChunkDecoder {
  write(chunk: Buffer): string;
  end(): string;
}

/**
 * UTF-8 is decoded strictly: a file whose sample looked like UTF-8 but has an invalid byte further
 * down fails with the byte offset rather than silently turning characters into U+FFFD.
 */
export function createChunkDecoder(enc: DetectedEncoding, fileName: string): TextChunkDecoder {
  if (enc.encoding === 'utf-8') {
    const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
    let offset = 0;
    const fail = (): never => {
      throw new AppError(
        'import.invalid-utf8',
        `${fileName} is not valid UTF-8 (invalid byte near offset ${offset}), although its beginning is. Import it again with the encoding set to windows-1252 (or the encoding it was saved in).`,
        { fileName, offset },
      );
    };
    return {
      write(chunk) {
        try {
          const s = decoder.decode(chunk, { stream: true });
          offset += chunk.length;
          return s;
        } catch {
          return fail();
        }
      },
      end() {
        try {
          return decoder.decode();
        } catch {
          return fail();
        }
      },
    };
  }
  const decoder = iconv.getDecoder(enc.encoding, { stripBOM: true });
  return {
    write: (chunk) => decoder.write(chunk),
    end: () => decoder.end() ?? '',
  };
}
