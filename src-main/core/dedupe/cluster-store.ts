import type { Database } from 'better-sqlite3';
import { AppError } from '../../../shared/errors';

/** Band of a detected pair or cluster: 'sure' (auto-mergeable) or 'review' (a person decides). */
export type DedupeBand = 'sure' | 'review';
export type DedupeDecision = 'not-duplicate' | 'duplicate';

/** One field's part in a pair's score: its comparison level and log2(m/u) weight. */
export interface FieldExplanation {
  field: string;
  comparison: string;
  level: string;
  weight: number;
}

export interface DedupePair {
  id: number;
  runId: number;
  a: number;
  b: number;
  /** Match probability 0..1. */
  score: number;
  /** Total Fellegi–Sunter match weight (prior + fields, log2). */
  weight: number | null;
  band: DedupeBand;
  explanation: FieldExplanation[];
  clusterId: number | null;
}

export interface ClusterSummary {
  id: number;
  runId: number;
  band: DedupeBand;
  size: number;
  memberIds: number[];
  minScore: number | null;
  maxScore: number | null;
}

export interface ClusterDetail extends ClusterSummary {
  pairs: DedupePair[];
}

interface PairRow {
  id: number;
  run_id: number;
  a: number;
  b: number;
  score: number;
  weight: number | null;
  band: DedupeBand;
  explanation_json: string;
  cluster_id: number | null;
}

interface ClusterRow {
  id: number;
  run_id: number;
  band: DedupeBand;
  size: number;
  member_ids_json: string;
  min_score: number | null;
  max_score: number | null;
}

function toPair(r: PairRow): DedupePair {
  return {
    id: r.id,
    runId: r.run_id,
    a: r.a,
    b: r.b,
    score: r.score,
    weight: r.weight,
    band: r.band,
    explanation: JSON.parse(r.explanation_json) as FieldExplanation[],
    clusterId: r.cluster_id,
  };
}

function toCluster(r: ClusterRow): ClusterSummary {
  return {
    id: r.id,
    runId: r.run_id,
    band: r.band,
    size: r.size,
    memberIds: JSON.parse(r.member_ids_json) as number[],
    minScore: r.min_score,
    maxScore: r.max_score,
  };
}

/** Clusters of the latest run (older runs' clusters are replaced), biggest and surest first. */
export function listClusters(
  db: Database,
  options: { band?: DedupeBand; limit?: number; offset?: number } = {},
): ClusterSummary[] {
  const where = options.band ? 'WHERE band = ?' : '';
  const params: unknown[] = options.band ? [options.band] : [];
  const rows = db
    .prepare(
      `SELECT * FROM dedupe_clusters ${where} ORDER BY band = 'review', size DESC, id LIMIT ? OFFSET ?`,
    )
    .all(...params, options.limit ?? -1, options.offset ?? 0) as ClusterRow[];
  return rows.map(toCluster);
}

export function countClusters(db: Database, band?: DedupeBand): number {
  const r = (
    band
      ? db.prepare('SELECT count(*) AS n FROM dedupe_clusters WHERE band = ?').get(band)
      : db.prepare('SELECT count(*) AS n FROM dedupe_clusters').get()
  ) as { n: number };
  return r.n;
}

/** A cluster with its members and the scored pairs (with explanations) that link them. */
export function getCluster(db: Database, id: number): ClusterDetail {
  const r = db.prepare('SELECT * FROM dedupe_clusters WHERE id = ?').get(id) as ClusterRow | undefined;
  if (!r) throw new AppError('dedupe.cluster-not-found', `Duplicate group ${id} does not exist.`, { id });
  const pairs = (
    db.prepare('SELECT * FROM dedupe_pairs WHERE cluster_id = ? ORDER BY score DESC, id').all(id) as PairRow[]
  ).map(toPair);
  return { ...toCluster(r), pairs };
}

/** Every pair of the latest run, in id order (for exports such as --pairs-out). */
export function* iteratePairs(db: Database, batchSize = 10000): Generator<DedupePair[]> {
  const stmt = db.prepare('SELECT * FROM dedupe_pairs WHERE id > ? ORDER BY id LIMIT ?');
  let after = 0;
  for (;;) {
    const rows = stmt.all(after, batchSize) as PairRow[];
    if (rows.length === 0) return;
    after = rows[rows.length - 1]!.id;
    yield rows.map(toPair);
  }
}

/** Stores a reviewer's decision on a pair (order of a/b does not matter); re-runs respect it. */
export function recordDecision(db: Database, a: number, b: number, decision: DedupeDecision): void {
  if (!Number.isInteger(a) || !Number.isInteger(b) || a === b) {
    throw new AppError('dedupe.bad-pair', `A pair needs two different contact ids, got ${a},${b}.`, { a, b });
  }
  const [lo, hi] = a < b ? [a, b] : [b, a];
  const exists = db.prepare('SELECT count(*) AS n FROM contacts WHERE id IN (?, ?)').get(lo, hi) as {
    n: number;
  };
  if (exists.n !== 2) {
    throw new AppError('contact.not-found', `Contacts ${lo} and ${hi} must both exist in this workspace.`, {
      a: lo,
      b: hi,
    });
  }
  db.prepare(
    `INSERT INTO dedupe_decisions(a, b, decision, decided_at) VALUES (?, ?, ?, ?)
     ON CONFLICT(a, b) DO UPDATE SET decision = excluded.decision, decided_at = excluded.decided_at`,
  ).run(lo, hi, decision, new Date().toISOString());
}

export function removeDecision(db: Database, a: number, b: number): void {
  const [lo, hi] = a < b ? [a, b] : [b, a];
  db.prepare('DELETE FROM dedupe_decisions WHERE a = ? AND b = ?').run(lo, hi);
}

/** Pairs marked "not a duplicate", as "a,b" keys (a < b) for lookups during a run. */
export function notDuplicateKeys(db: Database): Set<string> {
  const rows = db
    .prepare("SELECT a, b FROM dedupe_decisions WHERE decision = 'not-duplicate'")
    .all() as Array<{ a: number; b: number }>;
  return new Set(rows.map((r) => `${r.a},${r.b}`));
}

export function listDecisions(
  db: Database,
): Array<{ a: number; b: number; decision: DedupeDecision; decidedAt: string }> {
  return (
    db.prepare('SELECT a, b, decision, decided_at FROM dedupe_decisions ORDER BY a, b').all() as Array<{
      a: number;
      b: number;
      decision: DedupeDecision;
      decided_at: string;
    }>
  ).map((r) => ({ a: r.a, b: r.b, decision: r.decision, decidedAt: r.decided_at }));
}
