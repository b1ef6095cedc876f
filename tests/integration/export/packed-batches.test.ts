import { describe, expect, it } from 'vitest';
import { exportOptionsSchema } from '../../../shared/contract/export';
import { fieldByCode } from '../../../shared/secutix/fields';
import { contactInserter } from '../../../src-main/core/contacts/contact-store';
import type { Workspace } from '../../../src-main/core/db/workspace';
import {
  batchExporter,
  readExportBatches,
  type ExportBatch,
  type ExportChunk,
} from '../../../src-main/core/export/export-batch';
import { builtinTemplate } from '../../../src-main/core/export/template';
import { GOLDEN_OPTIONS, goldenWorkspace } from './golden-workspace';

/**
 * Workers are sent batches packed by SQLite into one UTF-8 blob; the export's own thread reads raw
 * rows. Both must give the same chunks, whatever the text holds (separators, escapes, characters
 * beyond Latin-1 or the BMP), and a batch that would not split back must fall back to raw rows.
 */

const US = '\u001f';
const RS = '\u001e';

function workspace(): Workspace {
  const ws = goldenWorkspace();
  const insert = contactInserter(ws.db);
  const names = ['Œuvre', 'Šimić', 'Zoë 😀', 'a"b\\c', 'x~RS~y', 'u~US~v', 'Ünal', 'plain'];
  ws.db.transaction(() => {
    for (let i = 0; i < 120; i++) {
      insert({
        sourceRowId: i % 4 === 0 ? null : 1,
        data: {
          CONTACT_NR: String(5000 + i),
          LASTNAME: names[i % names.length]!,
          FIRSTNAME: i % 5 === 0 ? '' : `F${i}`,
          OFFICIAL_NAME: i % 6 === 0 && i % 8 < 4 ? 'Firm, "SA"' : '',
          TOWN: i % 7 === 0 && i % 8 < 4 ? `Town\n${i}` : 'Bern', // (a raw RS/US: no escapes)
          COUNTRY: ['CH', 'FR', 'xx', ''][i % 4]!,
          TELEPHONE: i % 3 === 0 ? '+41 21 613 21 11' : '',
          REMARK: i % 9 === 0 ? '=1+1' : '',
        },
        operation: ['INSERT', 'UPDATE', 'UPDATEACT', 'DELETE'][i % 4] as 'INSERT',
        kindOverride: i % 10 === 0 ? 'structure' : null,
      });
    }
  })();
  // JSON.stringify would escape control characters: raw separators are put in directly.
  ws.db
    .prepare(`UPDATE contacts SET data = replace(replace(data, '~RS~', char(30)), '~US~', char(31))`)
    .run();
  ws.db.prepare(`UPDATE contacts SET cleared_json = '["EMAIL2","TOWN"]' WHERE id % 8 = 3`).run();
  ws.db.prepare(`UPDATE contacts SET status = 'removed' WHERE id % 13 = 5`).run();
  return ws;
}

function exporter() {
  const options = exportOptionsSchema.parse({ ...GOLDEN_OPTIONS, out: 'x.csv' });
  const codes = builtinTemplate({}).codes;
  return batchExporter({
    options,
    codes,
    rowFormat: 'csv',
    textColumns: codes.map((c) => fieldByCode(c)?.textCell ?? false),
  });
}

/** The chunks of a whole export, concatenated (batch boundaries differ by design). */
function exportAll(batches: Iterable<ExportBatch>) {
  const run = exporter();
  const chunks: ExportChunk[] = [];
  for (const b of batches) chunks.push(run(b));
  return {
    csv: Buffer.concat(chunks.map((c) => c.csv)).toString('utf8'),
    report: chunks.flatMap((c) => c.report),
    counts: chunks.map((c) => [c.rows, c.exported, c.rejected, c.warnings, ...c.missing]),
  };
}

describe('packed export batches', () => {
  it('give exactly the chunks of raw rows, falling back to raw rows where text holds a separator', () => {
    const ws = workspace();
    const withRS = ws.db
      .prepare("SELECT count(*) FROM contacts WHERE status = 'active' AND instr(data, char(30))")
      .pluck()
      .get() as number;
    expect(withRS).toBeGreaterThan(5);
    for (const size of [1, 7, 50, 1000]) {
      const packed = [...readExportBatches(ws.db, size, true)];
      const raw = [...readExportBatches(ws.db, size, false)];
      expect(packed.length).toBe(raw.length);
      // A batch with an RS in a contact's text is read as raw rows (a US in `data` is harmless).
      const raws = packed.filter((b) => Array.isArray(b)).length;
      if (size === 1) expect(raws).toBe(withRS);
      if (size === 7) expect(raws).toBeGreaterThan(0);
      if (size < 50) expect(raws).toBeLessThan(packed.length);
      expect(exportAll(packed)).toEqual(exportAll(raw));
    }
  });

  it('read a US in the short text columns (here OPERATION) or a non-integer source row id as raw rows', () => {
    const ws = workspace();
    ws.db.prepare(`UPDATE contacts SET data = '{"LASTNAME":"plain"}'`).run(); // no separator in data
    const ids = ws.db.prepare("SELECT id FROM contacts WHERE status = 'active' ORDER BY id").pluck().all();
    const allPacked = () => [...readExportBatches(ws.db, 1, true)].every((b) => !Array.isArray(b));
    expect(allPacked()).toBe(true);
    ws.db.prepare(`UPDATE contacts SET operation = ? WHERE id = ?`).run(`UPD${US}ATE`, ids[2]);
    ws.db.pragma('foreign_keys = OFF');
    ws.db.prepare(`UPDATE contacts SET source_row_id = 'r12' WHERE id = ?`).run(ids[4]);
    const batches = [...readExportBatches(ws.db, 1, true)];
    const rawIds = batches.flatMap((b) => (Array.isArray(b) ? b.map((r) => r[0]) : []));
    expect(rawIds).toEqual([ids[2], ids[4]]);
    expect(exportAll(batches)).toEqual(exportAll(readExportBatches(ws.db, 1, false)));
  });

  it('a malformed or out-of-order packed batch fails loudly', () => {
    const run = exporter();
    const pack = (...records: string[]) => ({
      count: records.length,
      text: Buffer.from(records.join(RS), 'utf8'),
    });
    const record = (id: number) => [id, '', '', 'INSERT', '[]', '{"LASTNAME":"X"}'].join(US);
    expect(run(pack(record(1), record(2))).exported).toBe(2);
    expect(() => run({ ...pack(record(1), record(2)), count: 3 })).toThrow(/malformed/);
    expect(() => run({ ...pack(record(1), record(2)), count: 1 })).toThrow(/malformed/);
    expect(() => run(pack(record(2), record(1)))).toThrow(/id order/);
    expect(() => run(pack('1' + US + 'INSERT'))).toThrow(/malformed/);
  });
});
