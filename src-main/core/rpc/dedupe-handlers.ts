import type { Handlers } from '../../../shared/contract/handlers';
import {
  countClusters,
  getCluster,
  listClusters,
  recordDecision,
  removeDecision,
} from '../dedupe/cluster-store';
import { resolveThresholds, runDedupe, THRESHOLDS_SETTING } from '../dedupe/run-dedupe';
import type { HostContext } from './host-context';

type DetectHandlerName =
  | 'dedupe.run'
  | 'dedupe.thresholds.get'
  | 'dedupe.thresholds.set'
  | 'dedupe.clusters'
  | 'dedupe.cluster'
  | 'dedupe.decide';

/** Duplicate detection handlers (merge/match/search live in merge-handlers.ts). */
export function dedupeHandlers(host: HostContext): Pick<Handlers, DetectHandlerName> {
  const { ws, jobs } = host;
  return {
    'dedupe.run': async (a) => {
      const { jobId } = jobs.start('dedupe.run', (job) =>
        runDedupe(ws, job, {
          thresholds: { ...(a.sure ? { sure: a.sure } : {}), ...(a.review ? { review: a.review } : {}) },
          threads: a.workers,
        }),
      );
      return { jobId };
    },
    'dedupe.thresholds.get': async () => resolveThresholds(ws),
    'dedupe.thresholds.set': async (a) => {
      const t = resolveThresholds(ws, a); // validates review ≤ sure
      ws.setSetting(THRESHOLDS_SETTING, t);
      return t;
    },
    'dedupe.clusters': async (a) => ({
      total: countClusters(ws.db, a.band),
      clusters: listClusters(ws.db, a),
    }),
    'dedupe.cluster': async (a) => getCluster(ws.db, a.id),
    'dedupe.decide': async (a) => {
      if (a.decision === null) removeDecision(ws.db, a.a, a.b);
      else recordDecision(ws.db, a.a, a.b, a.decision);
      return { ok: true };
    },
  };
}
