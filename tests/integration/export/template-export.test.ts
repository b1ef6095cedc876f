import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { contactInserter } from '../../../src-main/core/contacts/contact-store';
import { exportWorkspace } from '../../../src-main/core/export/export-workspace';
import { readFileRows } from '../../../src-main/core/validate/file-rows';
import { validateSecutixFile } from '../../../src-main/core/validate/validate-file';
import { tempDir, tempWorkspace } from '../../helpers/temp-workspace';
import { GOLDEN_OPTIONS, goldenWorkspace } from './golden-workspace';

async function customerTemplate(dir: string): Promise<string> {
  const wb = new ExcelJS.Workbook();
  const sheet = wb.addWorksheet('Import');
  sheet.addRow(['SecuTix – Import de contacts']);
  sheet.addRow(['Général', '', '', 'Personne']);
  sheet.addRow(['obligatoire', 'obligatoire', 'INSERT/UPDATE', 'texte 100']);
  sheet.addRow(['OPERATION', 'INSTITUTION', 'ORGANIZATION', 'LASTNAME', 'FIRSTNAME', 'MY_CUSTOM', 'EMAIL1', 'CONTACT_NR', 'ROLE']); // prettier-ignore
  sheet.getRow(1).font = { bold: true };
  const path = join(dir, 'secutix-template.xlsx');
  await wb.xlsx.writeFile(path);
  return path;
}

async function readAll(path: string): Promise<string[][]> {
  const rows: string[][] = [];
  for await (const r of readFileRows(path)) rows.push(r.cells);
  return rows;
}

describe('template-driven export', () => {
  it('copies rows 1–4 of the customer template verbatim and places values by the codes of row 4', async () => {
    const dir = tempDir();
    const template = await customerTemplate(dir);
    const ws = tempWorkspace();
    contactInserter(ws.db)({
      data: {
        LASTNAME: 'Muster',
        FIRSTNAME: 'Hans',
        EMAIL1: 'hans@example.ch',
        CONTACT_NR: '007',
        TELEPHONE: '021 613 21 11',
      },
    });
    const out = join(dir, 'out.xlsx');
    const s = await exportWorkspace(ws.db, { ...GOLDEN_OPTIONS, out, template });
    expect(s.template).toBe(template);
    expect(s.unknownColumns).toEqual(['MY_CUSTOM', 'ROLE']);
    expect(s.missingColumns).toContainEqual({ code: 'TELEPHONE', contactsWithValue: 1 });
    expect(s.missingColumns).toContainEqual({ code: 'TITLE', contactsWithValue: 0 });
    const rows = await readAll(out);
    expect(rows[0]).toEqual(['SecuTix – Import de contacts']);
    expect(rows[1]).toEqual(['Général', '', '', 'Personne']);
    expect(rows[3]).toEqual(['OPERATION', 'INSTITUTION', 'ORGANIZATION', 'LASTNAME', 'FIRSTNAME', 'MY_CUSTOM', 'EMAIL1', 'CONTACT_NR', 'ROLE']); // prettier-ignore
    expect(rows[4]).toEqual(['INSERT', 'DEMO', 'ORG1', 'Muster', 'Hans', '', 'hans@example.ch', '007']);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    expect(wb.worksheets[0]!.name).toBe('Import');
    // The validator, given the same template, accepts the file (unknown template columns are notes).
    const v = await validateSecutixFile({ path: out, template });
    expect(v.valid).toBe(true);
    expect(v.problems.map((p) => p.code)).toEqual(['template-column', 'template-column']);
  });

  it('uses the built-in template without one (row 4 = spec §3.11, DEPARTMENT/COUNTRY order configurable) and says so', async () => {
    const ws = tempWorkspace();
    contactInserter(ws.db)({ data: { LASTNAME: 'Muster', COUNTRY: 'CH', DEPARTMENT: 'VD' } });
    const dir = tempDir();
    const s = await exportWorkspace(ws.db, { ...GOLDEN_OPTIONS, out: join(dir, 'a.csv') });
    expect(s.template).toBe('builtin');
    expect(s.notes.join(' ')).toMatch(/built-in/);
    const codes = (await readAll(join(dir, 'a.csv')))[3]!;
    expect(codes.slice(0, 4)).toEqual(['INSTITUTION', 'ORGANIZATION', 'OPERATION', 'CONTACT_NR']);
    expect(codes.indexOf('DEPARTMENT')).toBe(codes.indexOf('COUNTRY') + 1);
    await exportWorkspace(ws.db, {
      ...GOLDEN_OPTIONS,
      out: join(dir, 'b.csv'),
      departmentBeforeCountry: true,
    });
    const [, , , codesB, rowB] = await readAll(join(dir, 'b.csv'));
    expect(codesB!.indexOf('COUNTRY')).toBe(codesB!.indexOf('DEPARTMENT') + 1);
    expect(rowB![codesB!.indexOf('DEPARTMENT')]).toBe('VD');
    expect(rowB![codesB!.indexOf('COUNTRY')]).toBe('CH');
  });

  it('round trip: export → validate → re-read gives back the same values (XLSX exactly; CSV with the OWASP quote)', async () => {
    const ws = goldenWorkspace();
    const dir = tempDir();
    const byCode = (rows: string[][]) =>
      rows
        .slice(4)
        .map((r) => Object.fromEntries(rows[3]!.map((c, i) => [c, r[i] ?? '']).filter(([, v]) => v !== '')));
    const xlsx = join(dir, 'rt.xlsx');
    const csv = join(dir, 'rt.csv');
    await exportWorkspace(ws.db, { ...GOLDEN_OPTIONS, out: xlsx });
    await exportWorkspace(ws.db, { ...GOLDEN_OPTIONS, out: csv });
    expect((await validateSecutixFile({ path: xlsx })).valid).toBe(true);
    expect((await validateSecutixFile({ path: csv })).valid).toBe(true);
    const fromXlsx = byCode(await readAll(xlsx));
    const fromCsv = byCode(await readAll(csv));
    expect(fromXlsx).toHaveLength(5);
    expect(fromXlsx[0]).toEqual({
      INSTITUTION: 'DEMO',
      ORGANIZATION: 'ORG1',
      OPERATION: 'INSERT',
      CONTACT_NR: '000123',
      TITLE: 'MRS',
      FIRSTNAME: 'Anna',
      LASTNAME: 'Muster',
      BIRTHDATE: '03.02.1980',
      PREF_LANG: 'fr',
      LINE1: 'Rue du Lac 1',
      ZIPCODE: '01000',
      TOWN: 'Bourg-en-Bresse',
      COUNTRY: 'FR',
      TELEPHONE: '0474221100',
      CELLPHONE: '(41)0791234567',
      EMAIL1: 'anna.muster@example.com',
      CRIT01: 'PREFCOL=Red|Green',
    });
    expect(fromXlsx[3]).toMatchObject({
      OPERATION: 'UPDATE',
      CONTACT_NR: '0042',
      EMAIL2: '=',
      TELEPHONE: '=',
    });
    expect(fromXlsx[4]).toMatchObject({ REMARK: '=1+2', FUNCTION: '@Lead', LINE2: '-5 floor' });
    const unguard = (o: Record<string, string>) =>
      Object.fromEntries(Object.entries(o).map(([k, v]) => [k, v.replace(/^'(?=[=+\-@\t\r])/, '')]));
    expect(fromCsv.map(unguard)).toEqual(fromXlsx);
    expect(fromCsv[4]).toMatchObject({ REMARK: "'=1+2" });
  });

  it('writes a CONFIG row first when asked, so bare criterion values are valid (spec §2.5)', async () => {
    const ws = tempWorkspace();
    contactInserter(ws.db)({ data: { LASTNAME: 'Muster', CRIT01: 'Red|Green' } });
    const out = join(tempDir(), 'config.csv');
    const s = await exportWorkspace(ws.db, { ...GOLDEN_OPTIONS, out, configCodes: { CRIT01: 'PREFCOL' } });
    expect(s).toMatchObject({ exported: 1, rejected: 0 });
    const rows = await readAll(out);
    const col = (code: string) => rows[3]!.indexOf(code);
    expect(rows[4]![col('OPERATION')]).toBe('CONFIG');
    expect(rows[4]![col('CRIT01')]).toBe('PREFCOL');
    expect(rows[4]![col('INSTITUTION')]).toBe('DEMO');
    expect(rows[5]![col('CRIT01')]).toBe('Red|Green');
    expect((await validateSecutixFile({ path: out })).valid).toBe(true);
  });

  it('leaves no output file when the export is cancelled', async () => {
    const ws = tempWorkspace();
    const insert = contactInserter(ws.db);
    ws.db.transaction(() => {
      for (let i = 0; i < 5000; i++) insert({ data: { LASTNAME: `N${i}` } });
    })();
    const dir = tempDir();
    let batches = 0;
    const job = {
      progress: () => undefined,
      checkpoint: async () => {
        if (++batches === 2) throw new Error('cancelled');
      },
    };
    await expect(
      exportWorkspace(ws.db, { ...GOLDEN_OPTIONS, out: join(dir, 'c.xlsx') }, job),
    ).rejects.toThrow('cancelled');
    expect(existsSync(join(dir, 'c.xlsx'))).toBe(false);
    expect(readdirSync(dir)).toEqual([]);
  });
});
