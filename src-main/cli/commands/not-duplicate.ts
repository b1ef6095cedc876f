import { Workspace } from '../../core/db/workspace';
import { recordDecision, removeDecision } from '../../core/dedupe/cluster-store';
import { requireOption, UsageError, type CliCommand } from '../command';
import { workspaceOption } from './open-workspace';

/** `contact-prep not-duplicate`: remembers that two contacts are different people (survives re-runs). */
export const notDuplicateCommand: CliCommand = {
  name: 'not-duplicate',
  summary: 'Mark two contacts as not duplicates (remembered by later dedupe runs)',
  usage: 'contact-prep not-duplicate --workspace <file.cprep> --pair A,B [--undo]',
  options: { ...workspaceOption, pair: { type: 'string' }, undo: { type: 'boolean' } },
  async run(ctx) {
    const m = /^\s*(\d+)\s*,\s*(\d+)\s*$/.exec(requireOption(ctx, 'pair'));
    if (!m) throw new UsageError('--pair needs two contact ids, e.g. --pair 12,57.');
    const [a, b] = [Number(m[1]), Number(m[2])];
    const ws = Workspace.open(requireOption(ctx, 'workspace'));
    try {
      if (ctx.values.undo) {
        removeDecision(ws.db, a, b);
        ctx.out(`Forgot the decision on contacts ${a} and ${b}; the next dedupe run may pair them again.\n`);
        return;
      }
      ws.db.transaction(() => {
        recordDecision(ws.db, a, b, 'not-duplicate');
        ws.db.prepare('DELETE FROM dedupe_pairs WHERE a = ? AND b = ?').run(Math.min(a, b), Math.max(a, b));
      })();
      ctx.out(
        `Contacts ${a} and ${b} are marked as not duplicates; groups are rebuilt at the next dedupe run.\n`,
      );
    } finally {
      ws.close();
    }
  },
};
