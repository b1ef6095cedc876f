import { AppError } from '../../../shared/errors';
import type { Workspace } from '../db/workspace';
import { applyOperation, type ChangeRequest } from '../history/history';
import type { JobContext } from '../jobs/job-runner';
import { listClusters } from './cluster-store';
import { compactProvenance, loadMembers, mergeRequests, workspaceCountry } from './merge';
import { resolveSurvivorship } from './survivorship';
import type { RuleSet } from './survivorship-rules';
import type { BulkMergeResult } from '../../../shared/contract/merge';
export type { BulkMergeResult } from '../../../shared/contract/merge';

export interface BulkMergeOptions {
  rules?: RuleSet;
  dryRun?: boolean;
  /** Cooperative cancel for large runs (checked between clusters). */
  signal?: AbortSignal;
  onProgress?: (done: number, total: number) => void;
}

/**
 * Auto-merges every 'sure' group with the default (or given) survivorship rules. Applied as ONE
 * history operation: a bulk action is one user decision, so one undo must take it back entirely
 * (a per-group operation would need thousands of undos). Review groups are never touched.
 */
export function mergeAllSure(ws: Workspace, options: BulkMergeOptions = {}): BulkMergeResult {
  const steps = mergeSteps(ws, options);
  for (;;) {
    const n = steps.next();
    if (n.done) return n.value;
  }
}

/** The same bulk merge as a job: progress every 500 groups; a cancel before the write changes nothing. */
export async function mergeAllSureJob(
  ws: Workspace,
  options: BulkMergeOptions,
  job: Pick<JobContext, 'progress' | 'checkpoint'>,
): Promise<BulkMergeResult> {
  const steps = mergeSteps(ws, options);
  for (;;) {
    const n = steps.next();
    if (n.done) return n.value;
    job.progress('Merging sure duplicate groups', n.value.done, n.value.total);
    await job.checkpoint();
  }
}

function* mergeSteps(
  ws: Workspace,
  options: BulkMergeOptions,
): Generator<{ done: number; total: number }, BulkMergeResult> {
  const clusters = listClusters(ws.db, { band: 'sure' });
  const requests: ChangeRequest[] = [];
  const provenance: unknown[] = [];
  const out: BulkMergeResult = {
    clusters: clusters.length,
    merged: 0,
    contactsMerged: 0,
    moved: 0,
    lost: 0,
    skippedClusters: [],
    opId: null,
    applied: false,
  };
  const claimed = new Set<number>();
  const defaultCountry = workspaceCountry(ws);
  for (let i = 0; i < clusters.length; i++) {
    const cluster = clusters[i]!;
    if (options.signal?.aborted) throw AppError.cancelled('Bulk merge');
    if (i % 500 === 0) {
      options.onProgress?.(i, clusters.length);
      yield { done: i, total: clusters.length };
    }
    const { members, skipped } = loadMembers(ws.db, cluster.memberIds);
    // A contact in two groups (should not happen within one run) is merged once only.
    const free = members.filter((m) => !claimed.has(m.contact.id));
    if (free.length < 2) {
      out.skippedClusters.push({ clusterId: cluster.id, reason: 'fewer than two active contacts', skipped });
      continue;
    }
    const result = resolveSurvivorship(free, { rules: options.rules, defaultCountry });
    for (const m of free) claimed.add(m.contact.id);
    requests.push(...mergeRequests(ws.db, free, result));
    provenance.push(compactProvenance(cluster.id, result));
    out.merged += 1;
    out.contactsMerged += free.length - 1;
    for (const c of result.conflicts) out[c.resolution === 'moved' ? 'moved' : 'lost'] += 1;
  }
  options.onProgress?.(clusters.length, clusters.length);
  if (options.dryRun || out.merged === 0) return out;
  const op = applyOperation(
    ws,
    {
      kind: 'merge',
      label: `Merge ${out.merged} sure duplicate groups (${out.contactsMerged} contacts)`,
      rule: 'survivorship',
      details: { bulk: true, groups: provenance },
    },
    requests,
  );
  return { ...out, opId: op.opId, applied: true };
}
