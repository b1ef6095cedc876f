import { fileURLToPath } from 'node:url';
import { Workspace } from '../../core/db/workspace';
import { JobManager } from '../../core/jobs/job-runner';
import { startWebHost } from '../../web/web-host';
import { optionalInt, requireOption, type CliCommand } from '../command';

/** `contact-prep serve`: the loopback web host (browser UI fallback when Electron is absent). */
export const serveCommand: CliCommand = {
  name: 'serve',
  summary: 'Serve the workspace over a token-protected loopback HTTP API (and the UI when built).',
  usage: 'contact-prep serve --workspace <ws.cprep> [--port N]',
  options: { workspace: { type: 'string' }, port: { type: 'string' } },
  async run(ctx) {
    const ws = Workspace.openOrCreate(requireOption(ctx, 'workspace'));
    const jobs = new JobManager(ws.db);
    const staticDir = fileURLToPath(new URL('../../../dist/renderer', import.meta.url));
    const host = await startWebHost({ host: { ws, jobs }, port: optionalInt(ctx, 'port') ?? 0, staticDir });
    ctx.out(
      `ContactPrep is serving ${ws.path}\n  URL:   ${host.url}/?token=${host.token}\n  Press Ctrl-C to stop.\n`,
    );
    await new Promise<void>((done) => ctx.signal.addEventListener('abort', () => done(), { once: true }));
    await host.close();
    ws.close();
  },
};
