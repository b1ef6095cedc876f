import { afterEach, describe, expect, it } from 'vitest';
import { webClient } from '../../../src-renderer/api/client';
import { startWebHost, type RunningWebHost } from '../../../src-main/web/web-host';
import { JobManager } from '../../../src-main/core/jobs/job-runner';
import { contactInserter } from '../../../src-main/core/contacts/contact-store';
import { applyOperation } from '../../../src-main/core/history/history';
import { tempWorkspace } from '../../helpers/temp-workspace';

const hosts: RunningWebHost[] = [];
afterEach(async () => {
  for (const h of hosts.splice(0)) await h.close();
});

describe('renderer API client over the web host', () => {
  it('sends typed calls, receives events and turns failures into AppErrors', async () => {
    const ws = tempWorkspace();
    const host = await startWebHost({ host: { ws, jobs: new JobManager(ws.db) } });
    hosts.push(host);
    const api = webClient(host.url, host.token);
    const id = contactInserter(ws.db)({ data: { LASTNAME: 'muller' } });

    const changed = new Promise<number[]>((ok) => {
      const off = api.listen('workspace.changed', (p) => {
        off();
        ok(p.contactIds);
      });
    });
    await new Promise((r) => setTimeout(r, 50)); // let the SSE stream connect
    applyOperation(ws, { kind: 'edit', label: 'Fix case' }, [
      { contactId: id, attribute: 'LASTNAME', after: 'Muller' },
    ]);
    expect(await changed).toEqual([id]);

    expect((await api.send('history.list', { limit: 10 })).map((o) => o.label)).toEqual(['Fix case']);
    expect((await api.send('history.undo', {})).op?.label).toBe('Fix case');
    await expect(api.send('history.changes', { opId: -1 })).rejects.toMatchObject({
      code: 'rpc.bad-arguments',
    });
  });
});
