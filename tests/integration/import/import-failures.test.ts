import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { importFile } from '../../../src-main/core/import/import-file';
import { JobManager } from '../../../src-main/core/jobs/job-runner';
import { tempWorkspace } from '../../helpers/temp-workspace';
import { runImport, workspaceState, writeTemp } from './import-helpers';

const OLE2 = Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);

function ole2(...streamNames: string[]): Buffer {
  const dir = Buffer.concat(streamNames.map((n) => Buffer.from(n, 'utf16le')));
  return Buffer.concat([OLE2, Buffer.alloc(504), dir, Buffer.alloc(1024)]);
}

/** A workspace that already holds one source, so "unchanged" is not just "empty". */
async function workspaceWithOneSource() {
  const ws = tempWorkspace();
  await runImport(ws, writeTemp('first.csv', 'email\na@b.ch\nc@d.ch\n'));
  return ws;
}

describe('files that cannot be imported', () => {
  const cases: Array<[string, string, Buffer | string, RegExp]> = [
    ['an empty file', 'empty.csv', '', /empty\.csv is empty/],
    [
      'binary junk',
      'junk.csv',
      Buffer.concat([Buffer.from([0, 1, 2, 0, 0xff, 0]), randomBytes(4000)]),
      /junk\.csv .*binary data/,
    ],
    [
      'a legacy .xls workbook',
      'old.xls',
      ole2('Workbook', 'SummaryInformation'),
      /old\.xls is a legacy Excel 97-2003 workbook.*save it as \.xlsx or CSV/,
    ],
    [
      'a password-protected .xlsx',
      'secret.xlsx',
      ole2('EncryptionInfo', 'EncryptedPackage'),
      /secret\.xlsx is password-protected/,
    ],
    ['a file with only blank lines', 'blank.csv', '\n\n\r\n', /blank\.csv contains no rows/],
  ];
  for (const [what, name, bytes, message] of cases) {
    it(`refuses ${what} with a clear message and leaves the workspace as it was`, async () => {
      const ws = await workspaceWithOneSource();
      const before = workspaceState(ws);
      const error = await runImport(ws, writeTemp(name, bytes)).catch((e: unknown) => e);
      expect(error).toMatchObject({ kind: 'user', message: expect.stringMatching(message) });
      expect(workspaceState(ws)).toEqual(before);
    });
  }

  it('names a missing file', async () => {
    const ws = tempWorkspace();
    await expect(runImport(ws, '/nonexistent/customers.csv')).rejects.toThrow(
      /Cannot read \/nonexistent\/customers\.csv/,
    );
  });

  it('refuses --sheet on a CSV file', async () => {
    const ws = tempWorkspace();
    await expect(runImport(ws, writeTemp('a.csv', 'a\n1\n'), { sheet: 'Data' })).rejects.toThrow(
      /has no sheets/,
    );
  });

  it('stops on a quote that is never closed in a large file, naming the row, with nothing stored', async () => {
    const ws = await workspaceWithOneSource();
    const before = workspaceState(ws);
    const body = 'a,b\n1,2\n"never closed,3\n' + 'x,y\n'.repeat(2_500_000);
    await expect(runImport(ws, writeTemp('unclosed.csv', body))).rejects.toMatchObject({
      code: 'import.unclosed-quote',
      message: expect.stringMatching(/unclosed\.csv, row 3: a quoted field/),
    });
    expect(workspaceState(ws)).toEqual(before);
  });
});

describe('a busy workspace', () => {
  it('says so clearly when another connection holds the write lock', async () => {
    const ws = await workspaceWithOneSource();
    const other = ws.openJobConnection();
    other.exec('BEGIN IMMEDIATE');
    try {
      // A JobManager without the jobs table: recording the job would itself wait for the lock.
      const job = new JobManager().start('import', (ctx) =>
        importFile(ws, writeTemp('later.csv', 'a\n1\n'), {}, ctx),
      );
      await expect(job.done).rejects.toMatchObject({
        code: 'import.workspace-busy',
        message: expect.stringContaining('import later.csv again when it has finished'),
      });
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
  }, 20_000);
});

describe('cancelling an import', () => {
  it('rolls everything back when cancelled midway', async () => {
    const ws = await workspaceWithOneSource();
    const before = workspaceState(ws);
    const lines = ['id,name,email'];
    for (let i = 0; i < 300_000; i++) lines.push(`${i},Name ${i},n${i}@example.ch`);
    const path = writeTemp('big.csv', lines.join('\n'));
    const jobs = new JobManager(ws.db);
    let progressEvents = 0;
    jobs.events.on('progress', () => progressEvents++);
    const started = jobs.start('import', async (ctx) => {
      const checkpoint = ctx.checkpoint;
      let chunks = 0;
      // Cancel as soon as the second chunk was written: rows are in the open transaction by then.
      return importFile(
        ws,
        path,
        {},
        {
          ...ctx,
          progress: ctx.progress,
          checkpoint: async () => {
            if (++chunks === 2) jobs.cancel(started.jobId);
            await checkpoint();
          },
        },
      );
    });
    await expect(started.done).rejects.toMatchObject({ code: 'cancelled' });
    expect(workspaceState(ws)).toEqual(before);
    expect(jobs.list()[0]).toMatchObject({ state: 'cancelled' });
    void progressEvents;
  });
});
