import { undo } from '../../core/history/history';
import type { CliCommand } from '../command';
import { openCheckedWorkspace, workspaceOption } from './open-workspace';

/** `contact-prep undo`: reverts the latest operation; findings of the touched rows are re-checked. */
export const undoCommand: CliCommand = {
  name: 'undo',
  summary: 'Undo the latest change (fix, edit, merge)',
  usage: 'contact-prep undo --workspace <file.cprep>',
  options: { ...workspaceOption },
  async run(ctx) {
    const ws = openCheckedWorkspace(ctx);
    try {
      const r = undo(ws);
      ctx.out(r ? `Undone: ${r.op.label} (${r.op.changeCount} changes).\n` : 'Nothing to undo.\n');
    } finally {
      ws.close();
    }
  },
};
