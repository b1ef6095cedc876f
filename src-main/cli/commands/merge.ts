import type { Workspace } from '../../core/db/workspace';
import { mergeAllSureJob } from '../../core/dedupe/merge-bulk';
import { mergeCluster, type MergeOutcome } from '../../core/dedupe/merge';
import type { UserPick } from '../../core/dedupe/survivorship-rules';
import { optionalInt, UsageError, type CliCommand, type CommandContext } from '../command';
import { runCliJob } from '../run-job';
import { openCheckedWorkspace, workspaceOption } from './open-workspace';

/** `--pick EMAIL1=contact:12` (that member's value) or `--pick LASTNAME=value:Dupont` (typed). */
export function parsePicks(raw: readonly string[]): Record<string, UserPick> {
  const picks: Record<string, UserPick> = {};
  for (const p of raw) {
    const m = /^([A-Z0-9_]+)=(contact|value):(.*)$/.exec(p);
    if (!m) throw new UsageError(`--pick must look like FIELD=contact:ID or FIELD=value:TEXT, got "${p}".`);
    const [, field, kind, rest] = m as unknown as [string, string, string, string];
    if (kind === 'contact') {
      const id = Number(rest);
      if (!Number.isInteger(id) || id <= 0)
        throw new UsageError(`--pick ${field}: "${rest}" is not a contact id.`);
      picks[field] = { contactId: id };
    } else picks[field] = { value: rest };
  }
  return picks;
}

function describe(o: MergeOutcome): string {
  const lines = [
    `Group ${o.clusterId ?? '-'}: ${o.memberIds.length} contacts → #${o.survivorId} (${o.operation})`,
  ];
  for (const v of o.values) {
    const from =
      v.origin.contactId === null
        ? 'typed by user'
        : `#${v.origin.contactId}${v.origin.fileName ? ` ${v.origin.fileName} row ${v.origin.rowNumber}` : ''}${v.origin.field && v.origin.field !== v.field ? ` ${v.origin.field}` : ''}`;
    lines.push(`  ${v.field.padEnd(14)} ${v.value}   [${v.rule}; ${from}]`);
  }
  for (const c of o.conflicts)
    lines.push(
      `  ${c.resolution === 'moved' ? 'moved' : 'LOST '} ${c.field} "${c.value}" of #${c.origin.contactId ?? '-'}${c.movedTo ? ` → ${c.movedTo}` : ''}: ${c.reason}`,
    );
  for (const s of o.skipped) lines.push(`  skipped #${s.contactId}: ${s.reason}`);
  return lines.join('\n') + '\n';
}

function runOne(ctx: CommandContext, ws: Workspace, clusterId: number, dryRun: boolean): void {
  const picks = parsePicks((ctx.values.pick as string[] | undefined) ?? []);
  const o = mergeCluster(ws, clusterId, { dryRun, picks });
  if (ctx.values.json) {
    ctx.out(JSON.stringify(o, null, 2) + '\n');
    return;
  }
  ctx.out(describe(o));
  ctx.out(
    dryRun
      ? 'Dry run: nothing was changed.\n'
      : `Merged (history operation ${o.opId}; \`contact-prep undo\` reverts it).\n`,
  );
}

/** `contact-prep merge`: merges one duplicate group, or every sure group, with survivorship rules. */
export const mergeCommand: CliCommand = {
  name: 'merge',
  summary: 'Merge a duplicate group (or all sure groups) into one contact, keeping provenance',
  usage:
    'contact-prep merge --workspace <file.cprep> (--cluster N | --all-sure) [--pick FIELD=contact:ID|FIELD=value:TEXT]... [--dry-run] [--json]',
  options: {
    ...workspaceOption,
    cluster: { type: 'string' },
    'all-sure': { type: 'boolean' },
    pick: { type: 'string', multiple: true },
    'dry-run': { type: 'boolean' },
    json: { type: 'boolean' },
  },
  async run(ctx) {
    const clusterId = optionalInt(ctx, 'cluster');
    const all = Boolean(ctx.values['all-sure']);
    if ((clusterId === undefined) === !all)
      throw new UsageError('Give exactly one of --cluster N or --all-sure.');
    if (all && ctx.values.pick) throw new UsageError('--pick applies to one group: use it with --cluster.');
    const dryRun = Boolean(ctx.values['dry-run']);
    const ws = openCheckedWorkspace(ctx); // findings follow the merge
    try {
      if (clusterId !== undefined) {
        runOne(ctx, ws, clusterId, dryRun);
        return;
      }
      const r = await runCliJob(ctx, 'merge', ws.db, (job) => mergeAllSureJob(ws, { dryRun }, job));
      if (ctx.values.json) {
        ctx.out(JSON.stringify(r, null, 2) + '\n');
        return;
      }
      ctx.out(
        `${dryRun ? 'Would merge' : 'Merged'} ${r.merged} of ${r.clusters} sure groups: ${r.contactsMerged} contacts folded into survivors; ${r.moved} values moved to a second field, ${r.lost} values lost (kept in the source layer and in history).\n`,
      );
      if (r.skippedClusters.length)
        ctx.out(`Skipped ${r.skippedClusters.length} groups (already merged or no longer active).\n`);
      ctx.out(
        dryRun
          ? 'Dry run: nothing was changed.\n'
          : r.applied
            ? `One history operation (${r.opId}): \`contact-prep undo\` reverts the whole bulk merge.\n`
            : '',
      );
    } finally {
      ws.close();
    }
  },
};
