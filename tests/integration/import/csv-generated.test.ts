import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { getSource } from '../../../src-main/core/sources/source-store';
import { tempWorkspace } from '../../helpers/temp-workspace';
import { runImport, storedRows, writeTemp } from './import-helpers';

describe('CSV encodings', () => {
  it('decodes UTF-16BE with BOM', async () => {
    const text = 'Name;Ville\r\nMüller;Zürich\r\n';
    const bytes = Buffer.concat([Buffer.from([0xfe, 0xff]), iconv.encode(text, 'utf-16be')]);
    const ws = tempWorkspace();
    const { sources } = await runImport(ws, writeTemp('be.csv', bytes));
    expect(sources[0]).toMatchObject({ encoding: 'utf-16be', delimiter: ';', columns: ['Name', 'Ville'] });
    expect(storedRows(ws, sources[0]!.id)[0]!.cells).toEqual(['Müller', 'Zürich']);
  });

  it('detects Windows-1252 German text with ä, ö, ß and €', async () => {
    const text = 'Vorname;Nachname;Ort;Betrag\r\nJürgen;Größ;Köln;100 €\r\nÄnne;Weiß;Düsseldorf;5 €\r\n';
    const ws = tempWorkspace();
    const { sources } = await runImport(ws, writeTemp('de.csv', iconv.encode(text, 'windows-1252')));
    expect(sources[0]!.encoding).toBe('windows-1252');
    expect(storedRows(ws, sources[0]!.id).map((r) => r.cells)).toEqual([
      ['Jürgen', 'Größ', 'Köln', '100 €'],
      ['Änne', 'Weiß', 'Düsseldorf', '5 €'],
    ]);
  });

  it('reads ISO-8859-15 (€ at 0xA4) correctly when the encoding is given', async () => {
    const text = 'nom,prix\nŒuvre,10 €\n';
    const bytes = iconv.encode(text, 'iso-8859-15');
    expect(bytes.includes(0xa4)).toBe(true);
    const ws = tempWorkspace();
    const { sources } = await runImport(ws, writeTemp('fr.csv', bytes), { encoding: 'ISO-8859-15' });
    expect(sources[0]!.encoding).toBe('iso-8859-15');
    expect(storedRows(ws, sources[0]!.id)[0]!.cells).toEqual(['Œuvre', '10 €']);
  });

  it('refuses an unknown encoding name with a clear message', async () => {
    const ws = tempWorkspace();
    await expect(runImport(ws, writeTemp('a.csv', 'a\n1\n'), { encoding: 'klingon-8' })).rejects.toThrow(
      /Unknown encoding "klingon-8"/,
    );
  });

  it('fails with the byte offset when a file that starts as UTF-8 has an invalid byte later', async () => {
    const head = 'name\n' + 'Zoë\n'.repeat(40_000);
    const bytes = Buffer.concat([Buffer.from(head, 'utf8'), iconv.encode('Renée\n', 'windows-1252')]);
    const ws = tempWorkspace();
    await expect(runImport(ws, writeTemp('late.csv', bytes))).rejects.toMatchObject({
      code: 'import.invalid-utf8',
      message: expect.stringMatching(/late\.csv is not valid UTF-8 .*windows-1252/),
    });
    expect(ws.db.prepare('SELECT count(*) FROM sources').pluck().get()).toBe(0);
  });

  it('keeps multi-byte characters intact across 1 MB read chunks', async () => {
    const lines = ['id,name'];
    for (let i = 0; i < 60_000; i++) lines.push(`${i},Zoë Ærøskøbing 日本 ${i}`);
    const ws = tempWorkspace();
    const { sources } = await runImport(ws, writeTemp('big.csv', lines.join('\n') + '\n'));
    const rows = storedRows(ws, sources[0]!.id);
    expect(rows).toHaveLength(60_000);
    expect(rows.every((r, i) => r.cells[1] === `Zoë Ærøskøbing 日本 ${i}` && r.row === i + 2)).toBe(true);
  });
});

describe('CSV dialects and structure', () => {
  it.each([
    ['tab', '\t'],
    ['pipe', '|'],
    ['semicolon', ';'],
  ])('detects the %s delimiter', async (_name, d) => {
    const text = ['email', 'first', 'last'].join(d) + '\n' + ['a@b.ch', 'Anna', 'Muster'].join(d) + '\n';
    const ws = tempWorkspace();
    const { sources } = await runImport(ws, writeTemp('d.txt', text));
    expect(sources[0]!.delimiter).toBe(d);
    expect(storedRows(ws, sources[0]!.id)[0]!.cells).toEqual(['a@b.ch', 'Anna', 'Muster']);
  });

  it("follows Excel's sep=; hint line and does not treat it as a row", async () => {
    const ws = tempWorkspace();
    const { sources } = await runImport(
      ws,
      writeTemp('sep.csv', 'sep=;\r\nName;Ort\r\nMüller, Hans;Zürich\r\n'),
    );
    expect(sources[0]).toMatchObject({
      delimiter: ';',
      columns: ['Name', 'Ort'],
      headerRow: 2,
      warnings: [],
    });
    expect(storedRows(ws, sources[0]!.id)).toEqual([
      { row: 3, cells: ['Müller, Hans', 'Zürich'], flags: [] },
    ]);
  });

  it('uses the delimiter given by the user over the detected one', async () => {
    const ws = tempWorkspace();
    const { sources } = await runImport(ws, writeTemp('o.csv', 'a;b,c\n1;2,3\n'), { delimiter: ',' });
    expect(sources[0]!.columns).toEqual(['a;b', 'c']);
  });

  it('makes duplicate and empty header names unique (Email, Email_2, Column_3)', async () => {
    const ws = tempWorkspace();
    const { sources } = await runImport(ws, writeTemp('h.csv', 'Email,email,,Name\nx@y.ch,z@y.ch,?,Bob\n'));
    expect(sources[0]!.columns).toEqual(['Email', 'email_2', 'Column_3', 'Name']);
    expect(getSource(ws.db, sources[0]!.id).columns[1]!.originalName).toBe('email');
  });

  it('keeps leading zeros of postcodes and contact numbers (everything is text)', async () => {
    const ws = tempWorkspace();
    const { sources } = await runImport(
      ws,
      writeTemp('z.csv', 'CONTACT_NR,ZIPCODE,PHONE\n000123,01234,0041791234567\n'),
    );
    expect(storedRows(ws, sources[0]!.id)[0]!.cells).toEqual(['000123', '01234', '0041791234567']);
  });

  it('treats a trailing delimiter on every line as an empty last column, not as ragged rows', async () => {
    const ws = tempWorkspace();
    const { sources } = await runImport(ws, writeTemp('t.csv', 'a,b,\n1,2,\n3,4,\n'));
    expect(sources[0]!.columns).toEqual(['a', 'b', 'Column_3']);
    expect(sources[0]!.warnings).toEqual([]);
    expect(storedRows(ws, sources[0]!.id).map((r) => r.flags)).toEqual([[], []]);
  });

  it('skips blank lines but counts them and keeps row numbers physical', async () => {
    const ws = tempWorkspace();
    const { sources } = await runImport(ws, writeTemp('b.csv', 'a,b\n\n1,2\n\n\n3,4\n'));
    expect(storedRows(ws, sources[0]!.id).map((r) => r.row)).toEqual([3, 6]);
    expect(sources[0]!.warnings).toEqual([
      {
        row: 2,
        code: 'blank_rows_skipped',
        message: expect.stringContaining('3 rows with no value skipped (rows 2, 4, 5)'),
      },
    ]);
  });

  it('reads a file without header row when headerRow is 0 (Column_1…)', async () => {
    const ws = tempWorkspace();
    const { sources } = await runImport(ws, writeTemp('n.csv', '1,2\n3,4,5\n'), { headerRow: 0 });
    expect(sources[0]!.columns).toEqual(['Column_1', 'Column_2', 'Column_3']);
    expect(storedRows(ws, sources[0]!.id).map((r) => r.cells)).toEqual([
      ['1', '2'],
      ['3', '4', '5'],
    ]);
  });

  it('finds a row of SecuTix field codes on row 4 below title and description rows', async () => {
    const text = [
      'Contact,,,Address',
      'Global data,Contact number,Name,Postcode',
      'Mandatory,Text 20,Text 60,Text 10',
      'INSTITUTION,CONTACT_NR,LASTNAME,ZIPCODE',
      'INST,000042,Dupont,01234',
    ].join('\r\n');
    const ws = tempWorkspace();
    const { sources } = await runImport(ws, writeTemp('secutix.csv', text));
    expect(sources[0]!.headerRow).toBe(4);
    expect(storedRows(ws, sources[0]!.id)).toEqual([
      { row: 5, cells: ['INST', '000042', 'Dupont', '01234'], flags: [] },
    ]);
  });

  it('reports a header row beyond the end of the file', async () => {
    const ws = tempWorkspace();
    await expect(runImport(ws, writeTemp('s.csv', 'a\n1\n'), { headerRow: 9 })).rejects.toThrow(
      /s\.csv: header row 9 is beyond the last row \(2\)/,
    );
  });

  it('loses no text after a malformed quote and warns with the row where it starts', async () => {
    const ws = tempWorkspace();
    const { sources } = await runImport(ws, writeTemp('q.csv', 'a,b\n"x"y,2\n3,4\n'));
    const codes = sources[0]!.warnings.map((w) => [w.row, w.code]);
    expect(codes).toContainEqual([2, 'malformed_quotes']);
    expect(codes).toContainEqual([2, 'unclosed_quote']);
    expect(storedRows(ws, sources[0]!.id)[0]!.cells.join(',')).toContain('3,4');
  });

  it('records file size and SHA-256 of the bytes read', async () => {
    const path = writeTemp('sha.csv', 'a,b\n1,2\n');
    const ws = tempWorkspace();
    const { sources } = await runImport(ws, path);
    const s = getSource(ws.db, sources[0]!.id);
    expect(s.fileSize).toBe(8);
    expect(s.sha256).toBe(createHash('sha256').update(readFileSync(path)).digest('hex'));
    expect(s.format).toBe('csv');
  });

  it('loads several files into one workspace as separate sources', async () => {
    const ws = tempWorkspace();
    await runImport(ws, writeTemp('one.csv', 'a\n1\n2\n'));
    const second = await runImport(ws, writeTemp('two.csv', 'b\n3\n'), { role: 'reference' });
    expect(second.sources[0]!.id).toBe(2);
    expect(ws.db.prepare('SELECT file_name, row_count, role FROM sources ORDER BY id').all()).toEqual([
      { file_name: 'one.csv', row_count: 2, role: 'input' },
      { file_name: 'two.csv', row_count: 1, role: 'reference' },
    ]);
  });
});
