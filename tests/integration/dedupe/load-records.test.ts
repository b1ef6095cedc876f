import { describe, expect, it } from 'vitest';
import { contactInserter } from '../../../src-main/core/contacts/contact-store';
import { loadRecords } from '../../../src-main/core/dedupe/load-records';
import type { RecordTable } from '../../../src-main/core/dedupe/records';
import { generateContacts } from '../../bench/generate-contacts';
import { tempWorkspace } from '../../helpers/temp-workspace';
import { generatedContact } from './csv-contacts';

/** Everything of a table, typed arrays as plain arrays, for a deep comparison. */
function plain(t: RecordTable) {
  return {
    n: t.n,
    ids: Array.from(t.ids),
    kind: Array.from(t.kind),
    columns: t.columns.map((c) => ({ dict: c.dict, codes: Array.from(c.codes) })),
  };
}

describe('loading contacts for dedupe', () => {
  it('chunks read at once from both ends (this thread + a worker) give the very table one thread builds', async () => {
    const ws = tempWorkspace();
    const insert = contactInserter(ws.db);
    ws.db.exec('BEGIN');
    let k = 0;
    for (const { row } of generateContacts(3000, 7)) {
      k++;
      // kind overrides and company-only contacts, so the kind column is not uniform
      const data =
        k % 11 === 0 ? { ...generatedContact(row), FIRSTNAME: '', LASTNAME: '' } : generatedContact(row);
      insert({ data, kindOverride: k % 13 === 0 ? 'structure_relay' : null });
    }
    ws.db.exec('COMMIT');
    // inactive contacts in both halves are skipped by both readers
    ws.db.exec("UPDATE contacts SET status = 'removed' WHERE id % 17 = 0");

    const single = await loadRecords(ws.db, undefined, { parallel: 'never' });
    const halves = await loadRecords(ws.db, undefined, { parallel: 'always' });
    expect(single.n).toBe(3000 - Math.floor(3000 / 17));
    expect(new Set(single.kind).size).toBeGreaterThan(1);
    expect(plain(halves)).toEqual(plain(single));
    // many small chunks claimed from both ends (some empty: ids of removed contacts), the
    // worker's appended in several pieces
    for (const chunkRows of [1, 37, 500]) {
      let workerClaimed = 0;
      const chunked = await loadRecords(ws.db, undefined, {
        parallel: 'always',
        chunkRows,
        // this thread starts once the worker has claimed a third of the chunks
        beforeOwnChunks: async ({ bounds, claims }) => {
          while ((workerClaimed = Atomics.load(claims, 0)) < (bounds.length - 1) / 3)
            await new Promise((r) => setTimeout(r, 1));
        },
      });
      expect(workerClaimed).toBeGreaterThan(0);
      expect(plain(chunked)).toEqual(plain(single));
    }
  });

  it('an empty or one-contact workspace loads on this thread', async () => {
    const ws = tempWorkspace();
    expect((await loadRecords(ws.db, undefined, { parallel: 'always' })).n).toBe(0);
    contactInserter(ws.db)({ data: { FIRSTNAME: 'Anna', LASTNAME: 'Muster' } });
    expect((await loadRecords(ws.db, undefined, { parallel: 'always' })).n).toBe(1);
  });
});
