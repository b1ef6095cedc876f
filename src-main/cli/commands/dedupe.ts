import { Workspace } from '../../core/db/workspace';
import { writePairsCsv } from '../../core/dedupe/pairs-export';
import { runDedupe } from '../../core/dedupe/run-dedupe';
import { optionalInt, requireOption, UsageError, type CliCommand, type CommandContext } from '../command';
import { runCliJob } from '../run-job';
import { workspaceOption } from './open-workspace';

function probability(ctx: CommandContext, name: string): number | undefined {
  const v = ctx.values[name];
  if (v === undefined) return undefined;
  const n = Number(v);
  if (typeof v !== 'string' || !(n > 0 && n < 1))
    throw new UsageError(`--${name} must be a probability between 0 and 1, got "${String(v)}".`);
  return n;
}

/** `contact-prep dedupe`: detects duplicates, stores pairs and groups, optionally exports the pairs. */
export const dedupeCommand: CliCommand = {
  name: 'dedupe',
  summary: 'Detect duplicate contacts (pairs with explanations, grouped for review and merge)',
  usage:
    'contact-prep dedupe --workspace <file.cprep> [--json] [--pairs-out pairs.csv] [--id-column COL] [--sure P] [--review P] [--workers N]',
  options: {
    ...workspaceOption,
    json: { type: 'boolean' },
    'pairs-out': { type: 'string' },
    'id-column': { type: 'string' },
    sure: { type: 'string' },
    review: { type: 'string' },
    workers: { type: 'string' },
  },
  async run(ctx) {
    const ws = Workspace.open(requireOption(ctx, 'workspace'));
    try {
      const sure = probability(ctx, 'sure');
      const review = probability(ctx, 'review');
      const s = await runCliJob(ctx, 'dedupe.run', ws.db, (job) =>
        runDedupe(ws, job, {
          thresholds: { ...(sure ? { sure } : {}), ...(review ? { review } : {}) },
          threads: optionalInt(ctx, 'workers'),
        }),
      );
      const pairsOut = ctx.values['pairs-out'] as string | undefined;
      const idColumn = ctx.values['id-column'] as string | undefined;
      const written = pairsOut ? await writePairsCsv(ws.db, pairsOut, idColumn) : undefined;
      if (ctx.values.json) {
        ctx.out(
          JSON.stringify(
            {
              pairs: s.pairs,
              clusters: s.clusters,
              sure: s.sure,
              review: s.review,
              sureClusters: s.sureClusters,
              reviewClusters: s.reviewClusters,
              records: s.records,
              candidatePairs: s.candidatePairs,
              reductionRatio: s.reductionRatio,
              pairsPerSecond: s.pairsPerSecond,
              thresholds: s.thresholds,
              seconds: s.seconds,
              ...(written !== undefined ? { pairsWritten: written } : {}),
            },
            null,
            2,
          ) + '\n',
        );
        return;
      }
      const total = Object.values(s.seconds).reduce((x, y) => x + y, 0);
      ctx.out(
        `Compared ${s.candidatePairs} candidate pairs of ${s.records} contacts in ${total.toFixed(1)} s ` +
          `(blocking skipped ${(s.reductionRatio * 100).toFixed(4)}% of all pairs).\n` +
          `Found ${s.pairs} duplicate pairs (${s.sure} sure, ${s.review} to review) in ${s.clusters} groups ` +
          `(${s.sureClusters} sure, ${s.reviewClusters} to review).\n`,
      );
      if (written !== undefined) ctx.out(`Wrote ${written} pairs to ${pairsOut}.\n`);
      if (s.clusters) ctx.out('Review them with `contact-prep clusters --workspace …`.\n');
    } finally {
      ws.close();
    }
  },
};
