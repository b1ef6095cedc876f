import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { detectDialect, detectNewline } from '../../../src-main/core/import/csv-dialect';
import { detectEncoding } from '../../../src-main/core/import/encoding';
import { detectHeaderRow, uniqueColumnNames } from '../../../src-main/core/import/header';
import { XmlScanner } from '../../../src-main/core/import/xml-scanner';

describe('encoding detection', () => {
  it('prefers a BOM, then valid UTF-8, then a legacy single-byte code page', () => {
    expect(detectEncoding(Buffer.from([0xef, 0xbb, 0xbf, 0x61]), 'f')).toEqual({
      encoding: 'utf-8',
      bomLength: 3,
    });
    expect(detectEncoding(Buffer.from([0xfe, 0xff, 0, 0x61]), 'f').encoding).toBe('utf-16be');
    expect(detectEncoding(Buffer.from('Zoë;Genève\n', 'utf8'), 'f').encoding).toBe('utf-8');
    expect(
      detectEncoding(iconv.encode('Jürgen;Köln;Straße\n'.repeat(20), 'windows-1252'), 'f').encoding,
    ).toBe('windows-1252');
  });

  it('recognises UTF-16 without BOM from its zero bytes', () => {
    expect(detectEncoding(iconv.encode('name,city\nAnna,Bern\n', 'utf-16le'), 'f').encoding).toBe('utf-16le');
  });

  it('lets the user override and normalises encoding names', () => {
    expect(detectEncoding(Buffer.from('abc'), 'f', 'Latin-1').encoding).toBe('iso-8859-1');
    expect(detectEncoding(Buffer.from('abc'), 'f', 'cp1252').encoding).toBe('windows-1252');
  });
});

describe('CSV dialect detection', () => {
  it('judges line ends outside quotes (LF inside quoted cells of a CRLF file)', () => {
    expect(detectNewline('a,"x\ny"\r\n1,2\r\n3,"4\n5"\r\n')).toBe('\r\n');
    expect(detectNewline('a,b\r1,2\r')).toBe('\r');
  });

  it('prefers ; over the decimal comma of a French export', () => {
    const sample = 'Nom;Taux;Prix\r\nA;0,61;81,2\r\nB;0,55;111,03\r\n';
    expect(detectDialect(sample)).toEqual({ delimiter: ';', quoteChar: '"', newline: '\r\n' });
  });

  it("detects single quotes used as quote character ('a','b')", () => {
    expect(detectDialect("'name','city'\n'Dupont, Jean','Paris'\n'Muster','Bern'\n").quoteChar).toBe("'");
  });
});

describe('header row and column names', () => {
  it('passes over title rows and picks the first well-filled row', () => {
    const records = [
      { rowNumber: 1, cells: ['Report 2024', '', '', ''] },
      { rowNumber: 3, cells: ['Name', 'Email', 'City', 'Zip'] },
      { rowNumber: 4, cells: ['A', 'a@b.ch', 'Bern', '3000'] },
    ];
    expect(detectHeaderRow(records)).toBe(3);
  });

  it('names empty headers by position and suffixes duplicates case-insensitively', () => {
    expect(uniqueColumnNames(['Email', '', 'EMAIL', 'Email_2', ' Name \n First '])).toEqual([
      'Email',
      'Column_2',
      'EMAIL_2',
      'Email_2_2',
      'Name First',
    ]);
  });
});

describe('XML scanner', () => {
  it('handles tags, entities and attributes cut at any chunk boundary', () => {
    const xml =
      '<?xml version="1.0"?><r a="x&amp;y" b=\'>\'><t xml:space="preserve"> A &lt;b&gt; &#233;</t><x:c/></r>';
    for (let cut = 1; cut < xml.length; cut++) {
      const events: string[] = [];
      const scanner = new XmlScanner({
        open: (n, a, sc) => events.push(`<${n}${a}${sc ? '/' : ''}>`),
        close: (n) => events.push(`</${n}>`),
        text: (t) => events.push(t),
      });
      scanner.write(xml.slice(0, cut));
      scanner.write(xml.slice(cut));
      scanner.end();
      expect(events.join('')).toBe('<r a="x&amp;y" b=\'>\'><t xml:space="preserve"> A <b> é</t><c/></c></r>');
    }
  });
});
