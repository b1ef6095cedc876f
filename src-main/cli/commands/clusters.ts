import { getContacts } from '../../core/contacts/contact-store';
import { Workspace } from '../../core/db/workspace';
import { countClusters, getCluster, listClusters, type DedupeBand } from '../../core/dedupe/cluster-store';
import { optionalInt, requireOption, UsageError, type CliCommand } from '../command';
import { workspaceOption } from './open-workspace';

const SUMMARY_FIELDS = [
  'FIRSTNAME',
  'LASTNAME',
  'OFFICIAL_NAME',
  'BIRTHDATE',
  'EMAIL1',
  'LINE1',
  'ZIPCODE',
  'TOWN',
];

/** `contact-prep clusters`: lists duplicate groups with members and per-field explanations. */
export const clustersCommand: CliCommand = {
  name: 'clusters',
  summary: 'Show duplicate groups with their members and why each pair matched',
  usage:
    'contact-prep clusters --workspace <file.cprep> [--format text|json] [--band sure|review] [--limit N] [--offset N]',
  options: {
    ...workspaceOption,
    format: { type: 'string' },
    band: { type: 'string' },
    limit: { type: 'string' },
    offset: { type: 'string' },
  },
  async run(ctx) {
    const format = (ctx.values.format as string | undefined) ?? 'text';
    if (format !== 'text' && format !== 'json')
      throw new UsageError(`--format must be text or json, got "${format}".`);
    const band = ctx.values.band as string | undefined;
    if (band !== undefined && band !== 'sure' && band !== 'review')
      throw new UsageError(`--band must be sure or review, got "${band}".`);
    const ws = Workspace.open(requireOption(ctx, 'workspace'));
    try {
      const opts = {
        band: band as DedupeBand | undefined,
        limit: optionalInt(ctx, 'limit') ?? (format === 'json' ? undefined : 50),
        offset: optionalInt(ctx, 'offset') ?? 0,
      };
      const total = countClusters(ws.db, opts.band);
      const clusters = listClusters(ws.db, opts).map((c) => {
        const detail = getCluster(ws.db, c.id);
        const contacts = getContacts(ws.db, c.memberIds);
        return {
          ...detail,
          members: c.memberIds.map((id) => ({ id, data: contacts.get(id)?.data ?? {} })),
        };
      });
      if (format === 'json') {
        ctx.out(JSON.stringify({ total, clusters }, null, 2) + '\n');
        return;
      }
      if (total === 0) {
        ctx.out('No duplicate groups. Run `contact-prep dedupe` first.\n');
        return;
      }
      for (const c of clusters) {
        const range = c.minScore === c.maxScore ? pct(c.maxScore) : `${pct(c.minScore)}–${pct(c.maxScore)}`;
        ctx.out(`Group ${c.id} (${c.band}, ${c.size} contacts, match ${range})\n`);
        for (const m of c.members) {
          const parts = SUMMARY_FIELDS.map((f) => m.data[f]).filter((v): v is string => Boolean(v));
          ctx.out(`  #${m.id}  ${parts.join(', ')}\n`);
        }
        for (const p of c.pairs) {
          const why = p.explanation
            .filter((e) => e.level !== 'missing')
            .map((e) => `${e.field} ${e.level} ${e.weight >= 0 ? '+' : ''}${e.weight.toFixed(1)}`)
            .join('; ');
          ctx.out(`    #${p.a} ~ #${p.b}  ${pct(p.score)} ${p.band}: ${why}\n`);
        }
      }
      if (clusters.length < total)
        ctx.out(`… ${total - clusters.length} more groups (use --offset/--limit).\n`);
    } finally {
      ws.close();
    }
  },
};

function pct(p: number | null): string {
  return p === null ? '?' : `${(p * 100).toFixed(p >= 0.999 && p < 1 ? 2 : 1)}%`;
}
