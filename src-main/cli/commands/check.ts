import { findingFacets } from '../../core/checks/findings-store';
import { runChecks } from '../../core/checks/run-checks';
import { formatTimings } from '../../core/checks/run-timings';
import { workspaceScore } from '../../core/checks/score';
import { setChecksSettings } from '../../core/checks/check-settings';
import type { StaleRule } from '../../core/checks/stale';
import type { Workspace } from '../../core/db/workspace';
import { optionalInt, UsageError, type CliCommand, type CommandContext } from '../command';
import { runCliJob } from '../run-job';
import { openCheckedWorkspace, workspaceOption } from './open-workspace';

/** `contact-prep check`: runs every check and prints counts per code and severity, and the score. */
export const checkCommand: CliCommand = {
  name: 'check',
  summary: 'Run all cleaning checks and print the findings per code and severity',
  usage:
    'contact-prep check --workspace <file.cprep> [--only <check>]... [--workers N] [--timings] [--json]\n' +
    '       [--default-country CC] [--stale-column <source column> | --stale-field <FIELD>] [--stale-years N] [--stale-inactive v1,v2]\n' +
    '  (the --default-country and --stale-* options are saved in the workspace for later runs;\n' +
    '   --timings adds where the run spent its time, per stage and per check)',
  options: {
    ...workspaceOption,
    json: { type: 'boolean' },
    timings: { type: 'boolean' },
    only: { type: 'string', multiple: true },
    workers: { type: 'string' },
    'default-country': { type: 'string' },
    'stale-column': { type: 'string' },
    'stale-field': { type: 'string' },
    'stale-years': { type: 'string' },
    'stale-inactive': { type: 'string' },
  },
  async run(ctx) {
    const ws = openCheckedWorkspace(ctx);
    try {
      saveSettings(ctx, ws);
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
              ...(ctx.values.timings ? { timings: result.timings } : {}),
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
      if (ctx.values.timings)
        ctx.out(`Time per stage and check (thread time):\n${formatTimings(result.timings).join('\n')}\n`);
    } finally {
      ws.close();
    }
  },
};

function saveSettings(ctx: CommandContext, ws: Workspace): void {
  const v = ctx.values;
  if (typeof v['default-country'] === 'string')
    setChecksSettings(ws, { defaultCountry: v['default-country'] });
  const column = v['stale-column'] as string | undefined;
  const field = v['stale-field'] as string | undefined;
  if (column === undefined && field === undefined) return;
  const years = v['stale-years'] === undefined ? undefined : Number(v['stale-years']);
  if (years !== undefined && !(years > 0)) throw new UsageError('--stale-years must be a positive number.');
  const inactive = (v['stale-inactive'] as string | undefined)
    ?.split(',')
    .map((s) => s.trim())
    .filter(Boolean);
  const rule: StaleRule = {
    ...(column ? { column } : { field }),
    olderThanYears: years,
    inactiveValues: inactive,
  };
  setChecksSettings(ws, { staleRules: [rule] });
}
