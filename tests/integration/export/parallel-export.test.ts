import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ContactKind, Operation } from '../../../shared/domain';
import { contactInserter } from '../../../src-main/core/contacts/contact-store';
import type { Workspace } from '../../../src-main/core/db/workspace';
import { exportWorkspace, type ExportTuning } from '../../../src-main/core/export/export-workspace';
import { tempDir } from '../../helpers/temp-workspace';
import { GOLDEN_OPTIONS, fixture, goldenWorkspace } from './golden-workspace';

const KINDS: (ContactKind | null)[] = [null, 'individual', 'structure', 'structure_relay'];
const OPERATIONS: Operation[] = ['INSERT', 'UPDATE', 'INSERT', 'UPDATEACT'];

/**
 * The golden workspace (one contact per export rule) plus a few hundred varied contacts: kind
 * overrides, cleared fields, formula-like values, bad dates/phones/emails, rejected rows, values
 * needing CSV quotes or XML escapes, missing template columns.
 */
function variedWorkspace(): Workspace {
  const ws = goldenWorkspace();
  const insert = contactInserter(ws.db);
  ws.db.transaction(() => {
    for (let i = 0; i < 300; i++) {
      const data: Record<string, string> = {
        CONTACT_NR: i % 7 === 0 ? '' : String(1000 + i),
        FIRSTNAME: i % 11 === 0 ? '' : `Ann${i}`,
        LASTNAME: i % 13 === 0 ? '' : `Mül<ler> & "Co", ${i}`,
        OFFICIAL_NAME: i % 3 === 0 ? `Firm ${i} SA` : '',
        TITLE: ['MR', 'mrs', 'Dr', ''][i % 4]!,
        LINE1: i % 17 === 0 ? 'y'.repeat(120) : `Street ${i}\nfloor ${i % 5}`,
        ZIPCODE: String(1000 + i),
        TOWN: i % 19 === 0 ? 't'.repeat(99) : 'Lausanne',
        TOWN_COMPLEMENT: i % 19 === 0 ? 'xx' : '',
        COUNTRY: ['CH', 'fr', 'DE', '', 'XX'][i % 5]!,
        TELEPHONE: ['021 613 21 11', '+49 30 1234567', '12', '0041 79 123 45 67', ''][i % 5]!,
        CELLPHONE: i % 6 === 0 ? '(33)6 12 34 56 78' : '',
        EMAIL1: ['A.B@Example.com', 'not an email', '', '=cmd@x.ch'][i % 4]!,
        BIRTHDATE: ['1980-02-03', '31.04.1990', '3/4/1975', '2099-01-01', ''][i % 5]!,
        PREF_LANG: ['de', 'FR', 'xx', ''][i % 4]!,
        REMARK: ['=SUM(A1)', '+1', '-x', '@y', '\tz', 'plain', '='][i % 7]!,
        CRIT01: i % 9 === 0 ? 'PREFCOL = Red | Green' : i % 10 === 0 ? 'bare' : '',
        WEB_SITE: i % 8 === 0 ? 'https://x.example' : '',
      };
      for (const k of Object.keys(data)) if (data[k] === '') delete data[k];
      insert({ data, operation: OPERATIONS[i % 4]!, kindOverride: KINDS[i % 4]! });
    }
  })();
  ws.db.prepare(`UPDATE contacts SET cleared_json = '["EMAIL2","REMARK","LINE1"]' WHERE id % 10 = 3`).run();
  ws.db.prepare(`UPDATE contacts SET status = 'removed' WHERE id % 50 = 7`).run();
  return ws;
}

async function exportFiles(ws: Workspace, ext: 'csv' | 'xlsx', tuning: ExportTuning, extra = {}) {
  const dir = tempDir();
  const out = join(dir, `out.${ext}`);
  const summary = await exportWorkspace(ws.db, { ...GOLDEN_OPTIONS, out, ...extra }, undefined, tuning);
  return {
    summary: { ...summary, out: '', report: summary.report ? 'yes' : null },
    files: Object.fromEntries(readdirSync(dir).map((f) => [f, readFileSync(join(dir, f))])),
  };
}

describe('parallel export (workers) writes exactly what the in-thread export writes', () => {
  const variants: [string, Record<string, unknown>][] = [
    ['built-in template', {}],
    [
      'customer template, CONFIG row',
      { template: fixture('golden-template.csv'), configCodes: { CRIT01: 'PREFCOL' } },
    ],
    [
      'no guard, no BOM, drop-field policy',
      { csvFormulaGuard: false, csvBom: false, undocumentedInvalid: 'drop-field' },
    ],
  ];
  for (const ext of ['csv', 'xlsx'] as const)
    for (const [name, extra] of variants)
      it(`${ext.toUpperCase()}, ${name}: same bytes, same error report, same summary`, async () => {
        const ws = variedWorkspace();
        const inThread = await exportFiles(ws, ext, { workers: 0, batchSize: 23 }, extra);
        const parallel = await exportFiles(ws, ext, { workers: 2, batchSize: 7 }, extra);
        expect(Object.keys(inThread.files).sort()).toEqual([`out-errors.${ext}`, `out.${ext}`]);
        expect(inThread.summary.rejected).toBeGreaterThan(10);
        expect(inThread.summary.warnings).toBeGreaterThan(50);
        expect(parallel.summary).toEqual(inThread.summary);
        for (const [file, bytes] of Object.entries(inThread.files))
          expect(parallel.files[file]!.equals(bytes), file).toBe(true);
      }, 30_000);

  it('a failing worker aborts the export: no output, no report, no temp file', async () => {
    const ws = variedWorkspace();
    const dir = tempDir();
    // A non-text value in one contact makes its worker throw on that batch.
    ws.db.prepare(`UPDATE contacts SET data = '{"LASTNAME":1}' WHERE id = 200`).run();
    await expect(
      exportWorkspace(ws.db, { ...GOLDEN_OPTIONS, out: join(dir, 'x.csv') }, undefined, {
        workers: 2,
        batchSize: 5,
      }),
    ).rejects.toThrow(/Export worker failed/);
    expect(existsSync(join(dir, 'x.csv'))).toBe(false);
    expect(readdirSync(dir)).toEqual([]);
  }, 30_000);

  it('a cancel during a parallel export leaves no file and reports progress in id order', async () => {
    const ws = variedWorkspace();
    const dir = tempDir();
    const seen: number[] = [];
    let checkpoints = 0;
    const job = {
      progress: (_phase: string, done: number) => void seen.push(done),
      checkpoint: async () => {
        if (++checkpoints === 5) throw new Error('cancelled');
      },
    };
    await expect(
      exportWorkspace(ws.db, { ...GOLDEN_OPTIONS, out: join(dir, 'c.csv') }, job, {
        workers: 2,
        batchSize: 10,
      }),
    ).rejects.toThrow('cancelled');
    expect(seen).toEqual([10, 20, 30, 40, 50]);
    expect(readdirSync(dir)).toEqual([]);
  }, 30_000);
});
