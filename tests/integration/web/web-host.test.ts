import { describe, expect, it, afterEach } from 'vitest';
import { request } from 'node:http';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { startWebHost, type RunningWebHost } from '../../../src-main/web/web-host';
import { JobManager } from '../../../src-main/core/jobs/job-runner';
import { contactInserter } from '../../../src-main/core/contacts/contact-store';
import { applyOperation } from '../../../src-main/core/history/history';
import { tempDir, tempWorkspace } from '../../helpers/temp-workspace';

const hosts: RunningWebHost[] = [];
afterEach(async () => {
  for (const h of hosts.splice(0)) await h.close();
});

async function start(staticDir?: string) {
  const ws = tempWorkspace();
  const jobs = new JobManager(ws.db);
  const host = await startWebHost({ host: { ws, jobs }, staticDir });
  hosts.push(host);
  return { ws, jobs, host };
}

function raw(
  url: string,
  init: { method?: string; headers?: Record<string, string>; body?: string },
): Promise<{ status: number; body: string }> {
  return new Promise((ok, fail) => {
    const req = request(url, { method: init.method ?? 'GET', headers: init.headers }, (res) => {
      let body = '';
      res.on('data', (c) => (body += c));
      res.on('end', () => ok({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', fail);
    if (init.body) req.write(init.body);
    req.end();
  });
}

describe('web host', () => {
  it('answers RPC calls with the token and validates arguments', async () => {
    const { host } = await start();
    const res = await fetch(`${host.url}/rpc/history.list`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${host.token}` },
      body: '{}',
    });
    expect(await res.json()).toEqual({ ok: true, result: [] });
    const bad = await fetch(`${host.url}/rpc/history.list`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${host.token}` },
      body: '{"limit":"all"}',
    });
    expect(await bad.json()).toMatchObject({ ok: false, error: { code: 'rpc.bad-arguments' } });
  });

  it('rejects calls without the token, from a foreign Origin or with a foreign Host header', async () => {
    const { host } = await start();
    expect((await fetch(`${host.url}/rpc/history.list`, { method: 'POST', body: '{}' })).status).toBe(403);
    const foreignOrigin = await fetch(`${host.url}/rpc/history.list`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${host.token}`, Origin: 'http://evil.example' },
      body: '{}',
    });
    expect(foreignOrigin.status).toBe(403);
    const rebinding = await raw(`${host.url}/rpc/history.list`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${host.token}`, Host: 'evil.example' },
      body: '{}',
    });
    expect(rebinding.status).toBe(403);
  });

  it('streams workspace changes as server-sent events', async () => {
    const { ws, host } = await start();
    const id = contactInserter(ws.db)({ data: { FIRSTNAME: 'anna' } });
    const controller = new AbortController();
    const res = await fetch(`${host.url}/events?token=${host.token}`, { signal: controller.signal });
    const reader = res.body!.getReader();
    await reader.read(); // ": connected"
    applyOperation(ws, { kind: 'edit', label: 'x' }, [
      { contactId: id, attribute: 'FIRSTNAME', after: 'Anna' },
    ]);
    const { value } = await reader.read();
    expect(new TextDecoder().decode(value)).toContain(
      `event: workspace.changed\ndata: {"contactIds":[${id}]}`,
    );
    controller.abort();
  });

  it('serves the UI bundle but never files outside it', async () => {
    const dir = tempDir();
    mkdirSync(join(dir, 'ui'));
    writeFileSync(join(dir, 'ui', 'index.html'), '<h1>ContactPrep</h1>');
    writeFileSync(join(dir, 'secret.txt'), 'secret');
    const { host } = await start(join(dir, 'ui'));
    const page = await fetch(`${host.url}/`);
    expect(await page.text()).toBe('<h1>ContactPrep</h1>');
    expect(page.headers.get('content-security-policy')).toContain("default-src 'self'");
    const traversal = await raw(`${host.url}/..%2fsecret.txt`, {});
    expect(traversal.body).not.toContain('secret');
  });
});
