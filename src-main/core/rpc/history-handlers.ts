import type { Handlers } from '../../../shared/contract/handlers';
import type { Workspace } from '../db/workspace';
import { getOperationChanges, listHistory, redo, undo } from '../history/history';

export function historyHandlers(
  ws: Workspace,
): Pick<Handlers, 'history.list' | 'history.changes' | 'history.undo' | 'history.redo'> {
  return {
    'history.list': async (a) => listHistory(ws.db, a),
    'history.changes': async (a) => getOperationChanges(ws.db, a.opId),
    'history.undo': async () => ({ op: undo(ws)?.op ?? null }),
    'history.redo': async () => ({ op: redo(ws)?.op ?? null }),
  };
}
