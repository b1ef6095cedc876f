import { listHistory } from '../../core/history/history';
import { optionalInt, type CliCommand } from '../command';
import { openCheckedWorkspace, workspaceOption } from './open-workspace';

/** `contact-prep history`: the operations made on the workspace, newest first (the audit trail). */
export const historyCommand: CliCommand = {
  name: 'history',
  summary: 'List the changes made to the workspace (newest first): the audit trail',
  usage: 'contact-prep history --workspace <file.cprep> [--limit N] [--json]',
  options: { ...workspaceOption, json: { type: 'boolean' }, limit: { type: 'string' } },
  async run(ctx) {
    const ws = openCheckedWorkspace(ctx);
    try {
      const ops = listHistory(ws.db, { limit: optionalInt(ctx, 'limit') ?? 100 });
      if (ctx.values.json) {
        ctx.out(JSON.stringify(ops, null, 2) + '\n');
        return;
      }
      if (ops.length === 0) ctx.out('No changes yet.\n');
      for (const op of ops)
        ctx.out(
          `${String(op.id).padStart(5)}  ${op.createdAt}  ${op.state === 'undone' ? '(undone) ' : ''}${op.label}${op.rule ? ` [${op.rule}]` : ''}  ${op.changeCount} changes\n`,
        );
    } finally {
      ws.close();
    }
  },
};
