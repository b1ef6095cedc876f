import { describe, expect, it } from 'vitest';
import { contactInserter } from '../../../src-main/core/contacts/contact-store';
import { DedupeWorkerPool } from '../../../src-main/core/dedupe/dedupe-pool';
import { detectDuplicates } from '../../../src-main/core/dedupe/detect';
import { loadRecords } from '../../../src-main/core/dedupe/load-records';
import { computePatternKeys } from '../../../src-main/core/dedupe/pattern-keys';
import { sampleRandomPairs } from '../../../src-main/core/dedupe/random-pairs';
import { runDedupe } from '../../../src-main/core/dedupe/run-dedupe';
import { JobManager } from '../../../src-main/core/jobs/job-runner';
import { generateContacts } from '../../bench/generate-contacts';
import { tempWorkspace } from '../../helpers/temp-workspace';
import { generatedTable } from '../../unit/dedupe/generated-table';
import { generatedContact } from './csv-contacts';

function seededWorkspace(rows: number) {
  const ws = tempWorkspace();
  const insert = contactInserter(ws.db);
  ws.db.exec('BEGIN');
  for (const { row } of generateContacts(rows, 11)) insert({ data: generatedContact(row) });
  ws.db.exec('COMMIT');
  return ws;
}

const oneChunk = () => ({ bounds: Float64Array.of(0, 10), claims: new Int32Array(new SharedArrayBuffer(4)) });

describe('dedupe worker pool shared by the phases of a run', () => {
  it('one pool for load, random pairs and comparisons: same table, models, pairs and groups as one thread', async () => {
    const ws = seededWorkspace(3000);
    const single = await loadRecords(ws.db, undefined, { parallel: 'never' });
    const reference = await detectDuplicates(single);

    const pool = new DedupeWorkerPool(2);
    try {
      const table = await loadRecords(ws.db, undefined, { parallel: 'always', pool });
      expect(pool.started).toBe(2); // both threads start during the load
      const shared = await detectDuplicates(table, {
        computeKeys: pool.keyComputer({ minPairs: 0 }),
        // as runDedupe: the random pairs in one slice per thread, compared during blocking
        computeRandomKeys: pool.keyComputer({ minPairs: 0, slicesPerLane: 1 }),
      });
      expect(pool.started).toBe(2);
      const { stats: s1, ...r1 } = reference;
      const { stats: s2, ...r2 } = shared;
      expect(r2).toEqual(r1);
      expect(s2.candidatePairs).toBe(s1.candidatePairs);
      expect(r1.a.length).toBeGreaterThan(10);
    } finally {
      await pool.close();
    }
  }, 60_000);

  it.each([
    { retireLoaderFrom: undefined, spawned: 2 },
    { retireLoaderFrom: 1, spawned: 3 },
  ])(
    'replaces the loading thread only after a large load (retireLoaderFrom $retireLoaderFrom)',
    async ({ retireLoaderFrom, spawned }) => {
      const ws = seededWorkspace(2000);
      const pool = new DedupeWorkerPool(2, { retireLoaderFrom });
      try {
        const table = await loadRecords(ws.db, undefined, {
          parallel: 'always',
          pool,
          chunkRows: 100,
          // the worker loads some contacts whatever the timing: this thread waits for its first claim
          beforeOwnChunks: async ({ claims }) => {
            while (Atomics.load(claims, 0) === 0) await new Promise((r) => setTimeout(r, 1));
          },
        });
        const single = await loadRecords(ws.db, undefined, { parallel: 'never' });
        expect(Array.from(table.ids)).toEqual(Array.from(single.ids));
        const { a, b } = sampleRandomPairs(
          'individual',
          Int32Array.from({ length: table.n }, (_, i) => i),
          5000,
        );
        const keys = await pool.keyComputer({ minPairs: 0 })(table, a, b);
        expect(Array.from(keys)).toEqual(Array.from(computePatternKeys(table, a, b)));
        expect(pool.spawned).toBe(spawned);
      } finally {
        await pool.close();
        ws.close();
      }
    },
    60_000,
  );

  it('a pool reused for a second table sends the new table before its pairs', async () => {
    const t1 = generatedTable(1500, 1);
    const t2 = generatedTable(1500, 2);
    const members = Int32Array.from({ length: Math.min(t1.n, t2.n) }, (_, i) => i);
    const { a, b } = sampleRandomPairs('individual', members, 20_000);
    const pool = new DedupeWorkerPool(2);
    try {
      const compute = pool.keyComputer({ minPairs: 0 });
      expect(Array.from(await compute(t1, a, b))).toEqual(Array.from(computePatternKeys(t1, a, b)));
      expect(Array.from(await compute(t2, a, b))).toEqual(Array.from(computePatternKeys(t2, a, b)));
    } finally {
      await pool.close();
    }
  }, 60_000);

  it('returns early on abort, and fails every later task once closed', async () => {
    const t = generatedTable(1500);
    const members = Int32Array.from({ length: t.n }, (_, i) => i);
    const { a, b } = sampleRandomPairs('individual', members, 40_000);
    const pool = new DedupeWorkerPool(2);
    const controller = new AbortController();
    let chunks = 0;
    const compute = pool.keyComputer({
      minPairs: 0,
      signal: controller.signal,
      onChunk: () => {
        chunks++;
        controller.abort();
      },
    });
    await compute(t, a, b);
    expect(chunks).toBeLessThan(8); // 8 slices in all: the rest were never sent
    await pool.close();
    await expect(pool.keyComputer({ minPairs: 0 })(t, a, b)).rejects.toThrow(/closed/);
    await expect(pool.load(':memory:', oneChunk())).rejects.toThrow(/closed/);
  }, 60_000);

  it('a load failure on the worker is reported', async () => {
    const pool = new DedupeWorkerPool(1);
    try {
      await expect(pool.load('/nonexistent/dir/missing.cprep', oneChunk())).rejects.toThrow();
    } finally {
      await pool.close();
    }
  });

  it('a run cancelled while loading still ends as cancelled (its pool is closed on the way out)', async () => {
    const ws = seededWorkspace(200);
    const jobs = new JobManager(ws.db);
    jobs.events.on('progress', (p) => jobs.cancel(p.jobId));
    const job = jobs.start('dedupe.run', (ctx) => runDedupe(ws, ctx, { threads: 2 }));
    await expect(job.done).rejects.toMatchObject({ kind: 'cancelled' });
  }, 60_000);
});
