import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import {
  CONTACT_COLUMNS,
  DEFAULT_SEED,
  ensureBenchFile,
  generateContacts,
  groundTruth,
  writeContactsCsv,
  type GeneratedContact,
} from '../../bench/generate-contacts';
import { POSTAL_DATA_DIR, POSTAL_FILES } from '../../bench/postal-pools';
import { tempDir } from '../../helpers/temp-workspace';

const sha256 = (path: string): string => createHash('sha256').update(readFileSync(path)).digest('hex');
const sample = (rows: number, seed = DEFAULT_SEED): GeneratedContact[] => [...generateContacts(rows, seed)];

/** Every (postcode, town) pair of the reference files, read independently of the generator. */
function referencePairs(): Set<string> {
  const pairs = new Set<string>();
  const read = (file: string, enc: BufferEncoding): string[] =>
    readFileSync(join(POSTAL_DATA_DIR, file), enc)
      .replace(/^\uFEFF/, '')
      .split(/\r?\n/);
  for (const l of read(POSTAL_FILES.CH, 'utf8')) pairs.add(`CH|${l.split(';')[1]}|${l.split(';')[0]}`);
  for (const l of read(POSTAL_FILES.FR, 'latin1')) pairs.add(`FR|${l.split(';')[2]}|${l.split(';')[3]}`);
  for (const cc of ['DE', 'AT', 'IT', 'GB'] as const) {
    for (const l of read(POSTAL_FILES[cc], 'utf8'))
      pairs.add(`${cc}|${l.split('\t')[1]}|${l.split('\t')[2]}`);
  }
  return new Set([...pairs].map((p) => p.toUpperCase()));
}

describe('bench contact generator', () => {
  it('writes the same bytes for the same seed and different bytes for another seed', () => {
    const dir = tempDir();
    writeContactsCsv(join(dir, 'a.csv'), 3000, 42);
    writeContactsCsv(join(dir, 'b.csv'), 3000, 42);
    writeContactsCsv(join(dir, 'c.csv'), 3000, 43);
    expect(sha256(join(dir, 'a.csv'))).toBe(sha256(join(dir, 'b.csv')));
    expect(sha256(join(dir, 'a.csv'))).not.toBe(sha256(join(dir, 'c.csv')));
  });

  it('has the documented columns with unique ids and customer numbers of 7+ digits', () => {
    const rows = sample(5000).map((g) => g.row);
    expect(Object.keys(rows[0]!)).toEqual([...CONTACT_COLUMNS]);
    expect(new Set(rows.map((r) => r.id)).size).toBe(rows.length);
    expect(new Set(rows.map((r) => r.Kundennr)).size).toBe(rows.length);
    expect(rows.every((r) => /^\d{7,}$/.test(r.Kundennr))).toBe(true);
  });

  it('makes about 10% near-duplicates, each sharing the entity of an earlier row', () => {
    const generated = sample(20_000);
    const duplicates = generated.filter((g) => g.duplicateOf !== undefined);
    expect(duplicates.length / generated.length).toBeGreaterThan(0.08);
    expect(duplicates.length / generated.length).toBeLessThan(0.12);
    const entityOfId = new Map(generated.map((g) => [g.row.id, g.row.entity_id]));
    for (const d of duplicates) {
      expect(entityOfId.get(d.duplicateOf!)).toBe(d.row.entity_id);
      expect(Number(d.duplicateOf)).toBeLessThan(Number(d.row.id));
      expect(d.edits.some((e) => e.startsWith('dup:'))).toBe(true);
    }
    // An entity has more than one row only through duplicates.
    const groups = new Map<string, number>();
    for (const g of generated) groups.set(g.row.entity_id, (groups.get(g.row.entity_id) ?? 0) + 1);
    const extraRows = [...groups.values()].reduce((s, n) => s + n - 1, 0);
    expect(extraRows).toBe(duplicates.length);
  });

  it('keeps duplicates recognisable: most still share surname, e-mail, phone or birth date', () => {
    const generated = sample(20_000);
    const first = new Map(generated.map((g) => [g.row.id, g.row]));
    const duplicates = generated.filter((g) => g.duplicateOf !== undefined);
    const recognisable = duplicates.filter(({ row, duplicateOf }) => {
      const o = first.get(duplicateOf!)!;
      return (
        row.Nachname.toLowerCase() === o.Nachname.toLowerCase() ||
        (row['E-Mail'] !== '' && row['E-Mail'] === o['E-Mail']) ||
        (row.Natel !== '' && row.Natel.replace(/\D/g, '').slice(-7) === o.Natel.replace(/\D/g, '').slice(-7))
      );
    });
    expect(recognisable.length / duplicates.length).toBeGreaterThan(0.7);
  });

  it('keeps unrelated namesakes rare: many distinct surnames and postcodes', () => {
    const rows = sample(20_000).map((g) => g.row);
    expect(new Set(rows.map((r) => r.Nachname)).size).toBeGreaterThan(2000);
    expect(new Set(rows.map((r) => r.PLZ)).size).toBeGreaterThan(5000);
  });

  it('sprinkles about 5% dirt of several kinds', () => {
    const generated = sample(20_000);
    const dirty = generated.filter((g) => g.edits.some((e) => e.startsWith('dirt:')));
    expect(dirty.length / generated.length).toBeGreaterThan(0.035);
    expect(dirty.length / generated.length).toBeLessThan(0.065);
    const kinds = new Set(dirty.flatMap((g) => g.edits.filter((e) => e.startsWith('dirt:'))));
    expect(kinds).toContain('dirt:mojibake');
    expect(kinds).toContain('dirt:email-typo');
    expect(kinds.size).toBeGreaterThanOrEqual(7);
    expect(generated.some((g) => /Ã[¤¶¼¨©]/.test(g.row.Ort + g.row.Nachname + g.row.Strasse))).toBe(true);
  });

  it('re-parses with papaparse into exactly the generated records (RFC 4180 quoting)', () => {
    const path = join(tempDir(), 'contacts.csv');
    writeContactsCsv(path, 4000, 7);
    const parsed = Papa.parse<Record<string, string>>(readFileSync(path, 'utf8'), {
      header: true,
      skipEmptyLines: true,
      newline: '\r\n',
    });
    expect(parsed.errors).toEqual([]);
    const expected = sample(4000, 7).map((g) => g.row);
    expect(parsed.data).toEqual(expected);
    expect(expected.some((r) => r.Bemerkung.includes('\n') || r.Bemerkung.includes('"'))).toBe(true);
  });

  it('takes every clean postcode ↔ town pair from the reference data', () => {
    const reference = referencePairs();
    const clean = sample(10_000).filter((g) => g.edits.length === 0);
    const countryOf = (land: string, plz: string): string =>
      /^\d{4}$/.test(plz) && /CH|Schweiz|Suisse|Switzerland|Svizzera/.test(land)
        ? 'CH'
        : /^(FR|F|Frankreich|France|Francia)$/.test(land)
          ? 'FR'
          : /^(DE|D|Deutschland|Allemagne|Germany)$/.test(land)
            ? 'DE'
            : /^(AT|A|Österreich|Autriche|Austria)$/.test(land)
              ? 'AT'
              : /^(IT|I|Italien|Italie|Italia|Italy)$/.test(land)
                ? 'IT'
                : 'GB';
    let checked = 0;
    for (const { row } of clean) {
      const cc = countryOf(row.Land, row.PLZ);
      const postcode = cc === 'GB' ? row.PLZ.split(' ')[0] : row.PLZ;
      expect(reference.has(`${cc}|${postcode}|${row.Ort}`.toUpperCase()), `${cc} ${row.PLZ} ${row.Ort}`).toBe(
        true,
      );
      checked++;
    }
    expect(checked).toBeGreaterThan(7000);
  });

  it('caches bench files by rows, seed and version and exposes the ground truth', async () => {
    const ctx = { dataDir: tempDir() };
    const path = await ensureBenchFile(ctx, 500, 'csv', 11);
    expect(path).toMatch(/contacts-500-s11-v\d+\.csv$/);
    const again = await ensureBenchFile(ctx, 500, 'csv', 11);
    expect(again).toBe(path);
    const truth = groundTruth(500, 11);
    expect(truth.size).toBe(500);
    expect(truth.get('1')).toBe('E0000001');
  });

  it('writes an XLSX that exceljs reads back with the same header and row count', async () => {
    const ExcelJS = (await import('exceljs')).default;
    const path = await ensureBenchFile({ dataDir: tempDir() }, 300, 'xlsx', 5);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path);
    const sheet = wb.worksheets[0]!;
    expect(sheet.rowCount).toBe(301);
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual([...CONTACT_COLUMNS]);
    const first = sample(1, 5)[0]!.row;
    expect(sheet.getRow(2).getCell(2).value).toBe(first.Kundennr);
  });
});
