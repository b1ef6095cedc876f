import { z } from 'zod';

/** RPC part of duplicate detection (issue 6): run, thresholds, groups, review decisions. */
const band = z.enum(['sure', 'review']);
const probability = z.number().gt(0).lt(1);

export const detectArgs = {
  /** Starts the `dedupe.run` job; progress/finish arrive as job events. */
  'dedupe.run': z.object({
    sure: probability.optional(),
    review: probability.optional(),
    workers: z.number().int().min(0).max(16).optional(),
  }),
  'dedupe.thresholds.get': z.object({}),
  /** Saves the workspace's band thresholds (used by later runs). */
  'dedupe.thresholds.set': z.object({ sure: probability, review: probability }),
  'dedupe.clusters': z.object({
    band: band.optional(),
    limit: z.number().int().positive().max(1000).default(100),
    offset: z.number().int().min(0).default(0),
  }),
  'dedupe.cluster': z.object({ id: z.number().int().positive() }),
  /** Remembers a reviewer's decision on a pair of contacts (survives re-runs). */
  'dedupe.decide': z.object({
    a: z.number().int().positive(),
    b: z.number().int().positive(),
    decision: z.enum(['not-duplicate', 'duplicate']).nullable(),
  }),
};

export interface FieldExplanationDto {
  field: string;
  comparison: string;
  level: string;
  /** log2(m/u) contribution to the match weight. */
  weight: number;
}

export interface DedupePairDto {
  id: number;
  a: number;
  b: number;
  score: number;
  weight: number | null;
  band: 'sure' | 'review';
  explanation: FieldExplanationDto[];
  clusterId: number | null;
}

export interface DedupeClusterDto {
  id: number;
  band: 'sure' | 'review';
  size: number;
  memberIds: number[];
  minScore: number | null;
  maxScore: number | null;
}

export interface DetectResults {
  'dedupe.run': { jobId: string };
  'dedupe.thresholds.get': { sure: number; review: number };
  'dedupe.thresholds.set': { sure: number; review: number };
  'dedupe.clusters': { total: number; clusters: DedupeClusterDto[] };
  'dedupe.cluster': DedupeClusterDto & { pairs: DedupePairDto[] };
  'dedupe.decide': { ok: true };
}
