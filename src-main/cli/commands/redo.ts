import { redo } from '../../core/history/history';
import type { CliCommand } from '../command';
import { openCheckedWorkspace, workspaceOption } from './open-workspace';

/** `contact-prep redo`: re-applies the latest undone operation; findings follow. */
export const redoCommand: CliCommand = {
  name: 'redo',
  summary: 'Redo the latest undone change',
  usage: 'contact-prep redo --workspace <file.cprep>',
  options: { ...workspaceOption },
  async run(ctx) {
    const ws = openCheckedWorkspace(ctx);
    try {
      const r = redo(ws);
      ctx.out(r ? `Redone: ${r.op.label} (${r.op.changeCount} changes).\n` : 'Nothing to redo.\n');
    } finally {
      ws.close();
    }
  },
};
