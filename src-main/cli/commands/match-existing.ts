import { matchExistingJob, type ContactMatch } from '../../core/dedupe/reference-match';
import { importReferenceFile } from '../../core/dedupe/reference-match-import';
import { optionalInt, type CliCommand } from '../command';
import { runCliJob } from '../run-job';
import { openCheckedWorkspace, workspaceOption } from './open-workspace';

function line(m: ContactMatch): string {
  const why = m.explanation
    .filter((e) => e.evidence !== 'missing')
    .map((e) => `${e.field} ${e.evidence}`)
    .join(', ');
  return `  #${m.contactId} → ${m.contactNr ?? '?'}  ${m.band.padEnd(9)} ${m.reason}${why ? ` (${why})` : ''}\n`;
}

/**
 * `contact-prep match-existing`: loads an export of the customer's existing SecuTix contacts
 * (field codes on row 4) and turns matching workspace contacts into UPDATEs of their number.
 */
export const matchExistingCommand: CliCommand = {
  name: 'match-existing',
  summary: 'Match contacts against an export of existing SecuTix contacts: matches become UPDATEs',
  usage:
    'contact-prep match-existing --workspace <file.cprep> [--reference export.xlsx] [--header-row N] [--sheet NAME] [--dry-run] [--json] [--limit N]',
  options: {
    ...workspaceOption,
    reference: { type: 'string' },
    'header-row': { type: 'string' },
    sheet: { type: 'string' },
    'dry-run': { type: 'boolean' },
    json: { type: 'boolean' },
    limit: { type: 'string' },
  },
  async run(ctx) {
    const ws = openCheckedWorkspace(ctx);
    try {
      const refPath = ctx.values.reference as string | undefined;
      const dryRun = Boolean(ctx.values['dry-run']);
      // One job: progress bar, and Ctrl-C before the end leaves every contact unchanged.
      const { loads, r } = await runCliJob(ctx, 'match-existing', ws.db, async (job) => {
        const loads = refPath
          ? await importReferenceFile(ws, refPath, job, {
              headerRow: optionalInt(ctx, 'header-row'),
              sheet: ctx.values.sheet as string | undefined,
            })
          : [];
        return { loads, r: await matchExistingJob(ws, { dryRun }, job) };
      });
      if (ctx.values.json) {
        ctx.out(JSON.stringify({ loads, ...r }, null, 2) + '\n');
        return;
      }
      for (const l of loads) {
        ctx.out(
          `${l.reused ? 'Already loaded' : 'Loaded'} ${l.fileName}: ${l.contacts} existing contacts${l.withoutNumber ? `, ${l.withoutNumber} without CONTACT_NR` : ''}.\n`,
        );
        if (l.ignoredColumns.length)
          ctx.out(`  Ignored columns (not SecuTix codes): ${l.ignoredColumns.join(', ')}\n`);
        if (l.duplicateNumbers.length)
          ctx.out(`  Numbers on several existing contacts: ${l.duplicateNumbers.join(', ')}\n`);
      }
      ctx.out(
        `${r.scanned} contacts checked against ${r.references} existing: ${r.sure} ${dryRun ? 'would become' : 'now'} UPDATEs, ${r.review} to review, ${r.collisions} number collisions.\n`,
      );
      const limit = optionalInt(ctx, 'limit') ?? 50;
      const shown = r.matches.filter((m) => m.band !== 'sure' || dryRun).slice(0, limit);
      for (const m of shown) ctx.out(line(m));
      if (shown.length < r.matches.length && limit < r.matches.length)
        ctx.out(`  … more with --limit or --json\n`);
      ctx.out(
        dryRun
          ? 'Dry run: no contact was changed.\n'
          : r.opId
            ? `History operation ${r.opId}: \`contact-prep undo\` reverts it.\n`
            : '',
      );
    } finally {
      ws.close();
    }
  },
};
