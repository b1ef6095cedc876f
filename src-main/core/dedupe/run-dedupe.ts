import type { Database } from 'better-sqlite3';
import { AppError } from '../../../shared/errors';
import type { Workspace } from '../db/workspace';
import { stagedWrite } from '../db/staged-write';
import type { JobContext } from '../jobs/job-runner';
import { notDuplicateKeys } from './cluster-store';
import {
  BAND_SURE,
  DEFAULT_THRESHOLDS,
  detectDuplicates,
  explainPattern,
  type DetectResult,
  type Thresholds,
} from './detect';
import { loadRecords, PARALLEL_LOAD_MIN } from './load-records';
import type { RecordTable } from './records';
import { DedupeWorkerPool } from './dedupe-pool';

/** Workspace setting holding the band thresholds ({sure, review} match probabilities). */
export const THRESHOLDS_SETTING = 'dedupe.thresholds';

export interface DedupeRunOptions {
  thresholds?: Partial<Thresholds>;
  /** Worker threads for the comparisons (default 2; 0 = in-process). */
  threads?: number;
}

export interface DedupeRunSummary {
  runId: number;
  records: number;
  candidatePairs: number;
  reductionRatio: number;
  pairsPerSecond: number;
  pairs: number;
  sure: number;
  review: number;
  clusters: number;
  sureClusters: number;
  reviewClusters: number;
  thresholds: Thresholds;
  seconds: Record<string, number>;
  stats: DetectResult['stats'];
}

export function resolveThresholds(ws: Workspace, override?: Partial<Thresholds>): Thresholds {
  const saved = ws.getSetting<Partial<Thresholds>>(THRESHOLDS_SETTING) ?? {};
  const t = { ...DEFAULT_THRESHOLDS, ...saved, ...override };
  if (!(t.review > 0 && t.review <= t.sure && t.sure < 1)) {
    throw new AppError(
      'dedupe.bad-thresholds',
      `Dedupe thresholds need 0 < review ≤ sure < 1, got ${JSON.stringify(t)}.`,
      { ...t },
    );
  }
  return t;
}

export { loadRecords } from './load-records';

/**
 * Job body of `dedupe.run`: load, detect, then replace the previous run's pairs and clusters in
 * one transaction (a cancel or crash leaves the previous results intact).
 */
export async function runDedupe(
  ws: Workspace,
  ctx: JobContext,
  options: DedupeRunOptions = {},
): Promise<DedupeRunSummary> {
  const thresholds = resolveThresholds(ws, options.thresholds);
  const startedAt = new Date().toISOString();
  const t0 = performance.now();
  ctx.progress('loading contacts', 0);
  const threads = options.threads ?? 2;
  // One set of worker threads for the whole run (load, random pairs, comparisons), always
  // closed at the end, also on error or cancel.
  const pool = new DedupeWorkerPool(threads);
  let table: RecordTable;
  let result: DetectResult;
  let loadSeconds: number;
  try {
    // Own connection: the job runner writes progress rows on ws.db while we iterate.
    const reader = ws.openJobConnection();
    try {
      table = await loadRecords(reader, ctx, { pool });
    } finally {
      reader.close();
    }
    loadSeconds = (performance.now() - t0) / 1000;
    await ctx.checkpoint();
    result = await detectDuplicates(table, {
      thresholds,
      notDuplicate: notDuplicateKeys(ws.db),
      computeKeys: pool.keyComputer({
        signal: ctx.signal,
        onChunk: (done, total) => ctx.progress('comparing', done, total),
      }),
      // Large runs: the workers compare the u estimate's random pairs while blocking runs here
      // (one slice each: this thread cannot hand out further slices until blocking is done).
      computeRandomKeys:
        threads > 0 && table.n >= PARALLEL_LOAD_MIN
          ? pool.keyComputer({ signal: ctx.signal, minPairs: 0, slicesPerLane: 1 })
          : undefined,
      progress: (phase, done, total) => ctx.progress(phase, done ?? 0, total),
      checkpoint: () => ctx.checkpoint(),
    });
  } finally {
    await pool.close();
  }
  ctx.progress('saving', 0, result.a.length);
  const t1 = performance.now();
  const conn = ws.openJobConnection();
  let runId = 0;
  let sureClusters = 0;
  try {
    await stagedWrite(conn, async (c) => {
      c.exec('DELETE FROM dedupe_pairs; DELETE FROM dedupe_clusters;');
      runId = Number(
        c
          .prepare('INSERT INTO dedupe_runs(started_at, params_json) VALUES (?, ?)')
          .run(startedAt, JSON.stringify({ thresholds })).lastInsertRowid,
      );
      sureClusters = await writeResults(c, runId, table, result, ctx);
      const seconds = { load: loadSeconds, ...result.stats.seconds, save: (performance.now() - t1) / 1000 };
      c.prepare('UPDATE dedupe_runs SET finished_at = ?, stats_json = ? WHERE id = ?').run(
        new Date().toISOString(),
        JSON.stringify({ ...result.stats, seconds, models: summariseModels(result) }),
        runId,
      );
    });
  } finally {
    conn.close();
  }
  const seconds = { load: loadSeconds, ...result.stats.seconds, save: (performance.now() - t1) / 1000 };
  return {
    runId,
    records: table.n,
    candidatePairs: result.stats.candidatePairs,
    reductionRatio: result.stats.reductionRatio,
    pairsPerSecond: result.stats.pairsPerSecond,
    pairs: result.a.length,
    sure: result.stats.sure,
    review: result.stats.review,
    clusters: result.clusters.length,
    sureClusters,
    reviewClusters: result.clusters.length - sureClusters,
    thresholds,
    seconds,
    stats: result.stats,
  };
}

function summariseModels(r: DetectResult) {
  return Object.fromEntries(
    Object.entries(r.models).map(([k, m]) => [
      k,
      {
        lambda: m.lambda,
        iterations: m.iterations,
        pairs: m.pairs,
        randomPairs: m.randomPairs,
        weights: m.weights,
      },
    ]),
  );
}

async function writeResults(
  c: Database,
  runId: number,
  t: RecordTable,
  r: DetectResult,
  ctx: JobContext,
): Promise<number> {
  const insCluster = c.prepare(
    'INSERT INTO dedupe_clusters(run_id, band, size, member_ids_json, min_score, max_score) VALUES (?, ?, ?, ?, ?, ?)',
  );
  // Cluster ids of this run, by cluster index; score range from its pairs.
  const lo = new Float64Array(r.clusters.length).fill(1);
  const hi = new Float64Array(r.clusters.length);
  for (let p = 0; p < r.a.length; p++) {
    const ci = r.clusterOf[r.a[p]!]!;
    if (ci < 0 || ci !== r.clusterOf[r.b[p]!]) continue;
    lo[ci] = Math.min(lo[ci]!, r.prob[p]!);
    hi[ci] = Math.max(hi[ci]!, r.prob[p]!);
  }
  const clusterIds = new Int32Array(r.clusters.length);
  let sure = 0;
  r.clusters.forEach((members, ci) => {
    const band = r.clusterBand[ci] === BAND_SURE ? 'sure' : 'review';
    if (band === 'sure') sure++;
    const ids = members.map((i) => t.ids[i]!).sort((x, y) => x - y);
    clusterIds[ci] = Number(
      insCluster.run(runId, band, ids.length, JSON.stringify(ids), lo[ci], hi[ci]).lastInsertRowid,
    );
  });
  const insPair = c.prepare(
    'INSERT INTO dedupe_pairs(run_id, a, b, score, weight, band, explanation_json, cluster_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
  );
  const explanations = new Map<number, string>();
  for (let p = 0; p < r.a.length; p++) {
    const key = r.pattern[p]!;
    let ex = explanations.get(key);
    if (ex === undefined) explanations.set(key, (ex = JSON.stringify(explainPattern(r.models, key))));
    const x = t.ids[r.a[p]!]!;
    const y = t.ids[r.b[p]!]!;
    const ci = r.clusterOf[r.a[p]!]!;
    const cid = ci >= 0 && ci === r.clusterOf[r.b[p]!] ? clusterIds[ci]! : null;
    insPair.run(
      runId,
      Math.min(x, y),
      Math.max(x, y),
      r.prob[p]!,
      Math.round(r.weight[p]! * 100) / 100,
      r.band[p] === BAND_SURE ? 'sure' : 'review',
      ex,
      cid,
    );
    if (p % 20_000 === 19_999) {
      ctx.progress('saving', p + 1, r.a.length);
      await ctx.checkpoint();
    }
  }
  return sure;
}
