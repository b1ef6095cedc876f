import { applyFinding, applyFixCode, previewFixCode, suggestionRequests } from '../../core/checks/fixes';
import { findingsOfContacts } from '../../core/checks/findings-store';
import { previewChanges } from '../../core/history/history';
import type { HistoryChange } from '../../../shared/domain';
import { optionalInt, requireOption, UsageError, type CliCommand, type CommandContext } from '../command';
import { openCheckedWorkspace, workspaceOption } from './open-workspace';

function printChanges(ctx: CommandContext, changes: readonly HistoryChange[]): void {
  for (const c of changes)
    ctx.out(
      `  contact ${c.contactId} ${c.attribute}: ${JSON.stringify(c.before)} → ${JSON.stringify(c.after)}\n`,
    );
}

/** `contact-prep fix`: applies the suggestions of one finding code, for all rows or one contact. */
export const fixCommand: CliCommand = {
  name: 'fix',
  summary: 'Apply suggested fixes of one finding code (all rows or one contact); undo with `undo`',
  usage:
    'contact-prep fix --workspace <file.cprep> --code C (--all | --row <contact id>) [--min-confidence 0.9] [--dry-run]',
  options: {
    ...workspaceOption,
    code: { type: 'string' },
    all: { type: 'boolean' },
    row: { type: 'string' },
    'min-confidence': { type: 'string' },
    'dry-run': { type: 'boolean' },
  },
  async run(ctx) {
    const code = requireOption(ctx, 'code');
    const row = optionalInt(ctx, 'row');
    if ((row === undefined) === !ctx.values.all)
      throw new UsageError('Give either --all or --row <contact id>.');
    const minRaw = ctx.values['min-confidence'];
    const minConfidence = minRaw === undefined ? 0 : Number(minRaw);
    if (!(minConfidence >= 0 && minConfidence <= 1))
      throw new UsageError('--min-confidence must be between 0 and 1.');
    const ws = openCheckedWorkspace(ctx);
    try {
      if (ctx.values.all) {
        const preview = previewFixCode(ws, code, { minConfidence, sampleSize: 5 });
        ctx.out(
          `${code}: ${preview.fields} field changes on ${preview.rows} contacts (${preview.findings} findings).\n`,
        );
        printChanges(ctx, preview.sample);
        if (ctx.values['dry-run'] || preview.fields === 0) {
          if (ctx.values['dry-run']) ctx.out('Dry run: nothing changed.\n');
          return;
        }
        const applied = applyFixCode(ws, code, { minConfidence });
        ctx.out(
          `Applied: ${applied.changed} changes (history operation ${applied.opId}). Undo with: contact-prep undo\n`,
        );
        return;
      }
      const findings = findingsOfContacts(ws.db, [row!]).filter(
        (f) => f.code === code && f.suggestion && f.confidence >= minConfidence,
      );
      if (findings.length === 0) {
        ctx.err(`No fixable ${code} finding on contact ${row}.\n`);
        return 1;
      }
      if (ctx.values['dry-run']) {
        printChanges(ctx, previewChanges(ws.db, findings.flatMap(suggestionRequests)));
        ctx.out('Dry run: nothing changed.\n');
        return;
      }
      let changed = 0;
      for (const f of findings) changed += applyFinding(ws, f.id).changed;
      ctx.out(`Applied: ${changed} changes on contact ${row}. Undo with: contact-prep undo\n`);
    } finally {
      ws.close();
    }
  },
};
