import { findingFacets } from '../../core/checks/findings-store';
import { runChecks } from '../../core/checks/run-checks';
import { workspaceScore } from '../../core/checks/score';
import { optionalInt, type CliCommand } from '../command';
import { runCliJob } from '../run-job';
import { openCheckedWorkspace, workspaceOption } from './open-workspace';

/** `contact-prep check`: runs every check and prints counts per code and severity, and the score. */
export const checkCommand: CliCommand = {
  name: 'check',
  summary: 'Run all cleaning checks and print the findings per code and severity',
  usage: 'contact-prep check --workspace <file.cprep> [--only <check>]... [--workers N] [--json]',
  options: {
    ...workspaceOption,
    json: { type: 'boolean' },
    only: { type: 'string', multiple: true },
    workers: { type: 'string' },
  },
  async run(ctx) {
    const ws = openCheckedWorkspace(ctx);
    try {
      const only = (ctx.values.only as string[] | undefined) ?? undefined;
      const result = await runCliJob(ctx, 'checks.run', ws.db, (job) =>
        runChecks(ws, job, { checks: only, workers: optionalInt(ctx, 'workers') }),
      );
      const facets = findingFacets(ws.db);
      const score = workspaceScore(ws.db);
      if (ctx.values.json) {
        ctx.out(
          JSON.stringify(
            {
              rows: result.rows,
              findings: facets.byCode.map((f) => ({
                code: f.code,
                severity: f.severity,
                count: f.count,
                fixable: f.fixable,
              })),
              score: { share: score.score, cleanRows: score.cleanRows, completeness: score.completeness },
            },
            null,
            2,
          ) + '\n',
        );
        return;
      }
      ctx.out(
        `Checked ${result.rows} contacts in ${result.seconds.toFixed(1)} s: ${result.findings} findings.\n`,
      );
      if (facets.byCode.length) {
        const width = Math.max(...facets.byCode.map((f) => f.code.length));
        for (const f of facets.byCode)
          ctx.out(
            `  ${f.code.padEnd(width)}  ${f.severity.padEnd(7)}  ${String(f.count).padStart(8)}  (${f.fixable} fixable)\n`,
          );
      }
      ctx.out(
        `Score: ${(score.score * 100).toFixed(1)}% of contacts have no error (${score.cleanRows}/${score.rows}).\n`,
      );
    } finally {
      ws.close();
    }
  },
};
