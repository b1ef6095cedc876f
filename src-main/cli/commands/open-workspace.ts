import { attachAutoRecheck } from '../../core/checks/recheck';
import { Workspace } from '../../core/db/workspace';
import { requireOption, type CommandContext } from '../command';

/**
 * Opens `--workspace` for a checks-domain command, with findings kept in step with every change
 * (fix, undo, redo). The caller closes it.
 */
export function openCheckedWorkspace(ctx: CommandContext): Workspace {
  const ws = Workspace.open(requireOption(ctx, 'workspace'));
  attachAutoRecheck(ws);
  return ws;
}

export const workspaceOption = { workspace: { type: 'string', short: 'w' } } as const;
