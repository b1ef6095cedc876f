import { describe, expect, it } from 'vitest';
import { createDispatcher } from '../../../src-main/core/rpc/dispatcher';
import { historyHandlers } from '../../../src-main/core/rpc/history-handlers';
import { tempWorkspace } from '../../helpers/temp-workspace';

describe('RPC dispatcher', () => {
  it('rejects unknown methods and invalid arguments with coded errors', async () => {
    const dispatch = createDispatcher(historyHandlers(tempWorkspace()));
    await expect(dispatch('fs.readFile', {})).resolves.toMatchObject({
      ok: false,
      error: { code: 'rpc.unknown-method' },
    });
    await expect(dispatch('history.list', { limit: -3 })).resolves.toMatchObject({
      ok: false,
      error: { code: 'rpc.bad-arguments' },
    });
  });

  it('applies schema defaults and returns JSON results', async () => {
    const dispatch = createDispatcher(historyHandlers(tempWorkspace()));
    await expect(dispatch('history.list', {})).resolves.toEqual({ ok: true, result: [] });
    await expect(dispatch('history.undo', {})).resolves.toEqual({ ok: true, result: { op: null } });
  });
});
