/**
 * Import speed: CSV (100k and 1M rows) side by side with `sqlite3 .import --csv` of the same file,
 * and XLSX (200k rows) side by side with a bare exceljs streaming read of the same workbook.
 * Our time covers the whole job: detect, read, parse, store in one transaction, commit and close
 * the workspace (which checkpoints the WAL), so it compares with the sqlite3 CLI run end to end.
 * Peak RSS is this process's (the CSV parse worker is a thread, so it is included).
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { Workspace } from '../../src-main/core/db/workspace';
import { importFile } from '../../src-main/core/import/import-file';
import { JobManager } from '../../src-main/core/jobs/job-runner';
import { ensureBenchFile } from './generate-contacts';
import { measure, type BenchRow, type BenchSection } from './harness';

const CSV_RATIO_TARGET = 2;
const XLSX_RATIO_TARGET = 1.3;
const RSS_TARGET_MB = 400;

const round2 = (x: number) => Math.round(x * 100) / 100;

function gc(): void {
  (globalThis as { gc?: () => void }).gc?.();
}

/** Imports `file` into a fresh workspace and closes it; returns the rows stored. */
async function importOnce(dir: string, file: string): Promise<number> {
  const ws = Workspace.create(join(dir, `bench-${Date.now()}.cprep`));
  try {
    const summary = await new JobManager(ws.db).start('import', (ctx) => importFile(ws, file, {}, ctx)).done;
    return summary.sources.reduce((n, s) => n + s.rows, 0);
  } finally {
    ws.close();
  }
}

/** `sqlite3 x.db ".import --csv file t"` wall time, or null when the CLI is missing. */
function sqliteImportSeconds(dir: string, file: string): number | null {
  const db = join(dir, `sqlite-${Date.now()}.db`);
  const t0 = process.hrtime.bigint();
  const r = spawnSync('sqlite3', [db, `.import --csv ${file} t`], { stdio: ['ignore', 'ignore', 'pipe'] });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  rmSync(db, { force: true });
  if (r.error || r.status !== 0) return null;
  return seconds;
}

/** A bare exceljs streaming read touching every cell value: the reference for XLSX. */
async function exceljsRead(file: string): Promise<{ rows: number; replacementChars: number }> {
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(file, {
    sharedStrings: 'cache',
    styles: 'cache',
    hyperlinks: 'ignore',
    worksheets: 'emit',
    entries: 'ignore',
  });
  let rows = 0;
  let replacementChars = 0;
  for await (const sheet of reader) {
    for await (const row of sheet) {
      rows++;
      for (const v of row.values as unknown[])
        if (typeof v === 'string' && v.includes('\uFFFD')) replacementChars++;
    }
  }
  return { rows, replacementChars };
}

async function csvCase(dir: string, file: string, rows: number, label: string): Promise<BenchRow> {
  gc();
  const ours = await measure(() => importOnce(dir, file));
  const sqlite = sqliteImportSeconds(dir, file);
  const ratio = sqlite ? round2(ours.seconds / sqlite) : null;
  return {
    section: 'import',
    case: `CSV ${label} rows`,
    rows: ours.result,
    seconds: round2(ours.seconds),
    rowsPerSecond: Math.round(rows / ours.seconds),
    peakRssMB: ours.peakRssMB,
    extra: {
      sqlite3Seconds: sqlite === null ? 'sqlite3 CLI missing' : round2(sqlite),
      ratioVsSqlite3: ratio ?? '-',
      loadAvg1m: round2(loadavg()[0]!),
    },
    target: `≤ ${CSV_RATIO_TARGET}× sqlite3 .import, RSS < ${RSS_TARGET_MB} MB`,
    met: ratio !== null && ratio <= CSV_RATIO_TARGET && ours.peakRssMB < RSS_TARGET_MB,
  };
}

export const section: BenchSection = {
  name: 'import',
  async run(ctx) {
    const dir = mkdtempSync(join(tmpdir(), 'cprep-bench-import-'));
    try {
      const large = await ensureBenchFile(ctx, ctx.sizes.large, 'csv');
      const small = await ensureBenchFile(ctx, ctx.sizes.small, 'csv');
      const xlsx = await ensureBenchFile(ctx, ctx.sizes.xlsx, 'xlsx');
      const results: BenchRow[] = [];
      // The large file first, so its peak RSS is not raised by earlier cases.
      ctx.log(`CSV ${ctx.sizes.large} rows…`);
      results.push(await csvCase(dir, large, ctx.sizes.large, ctx.sizes.large.toLocaleString('en')));
      ctx.log(`CSV ${ctx.sizes.small} rows…`);
      results.push(await csvCase(dir, small, ctx.sizes.small, ctx.sizes.small.toLocaleString('en')));

      ctx.log(`XLSX ${ctx.sizes.xlsx} rows…`);
      gc();
      const ours = await measure(() => importOnce(dir, xlsx));
      gc();
      const bare = await measure(() => exceljsRead(xlsx));
      const ratio = round2(ours.seconds / bare.seconds);
      results.push({
        section: 'import',
        case: `XLSX ${ctx.sizes.xlsx.toLocaleString('en')} rows`,
        rows: ours.result,
        seconds: round2(ours.seconds),
        rowsPerSecond: Math.round(ctx.sizes.xlsx / ours.seconds),
        peakRssMB: ours.peakRssMB,
        extra: {
          exceljsSeconds: round2(bare.seconds),
          ratioVsExceljs: ratio,
          exceljsPeakRssMB: bare.peakRssMB,
          // exceljs decodes each inflated chunk on its own, so characters cut at a chunk border
          // come out as U+FFFD; our reader decodes the stream as a whole.
          exceljsCellsWithU_FFFD: bare.result.replacementChars,
          loadAvg1m: round2(loadavg()[0]!),
        },
        target: `≤ ${XLSX_RATIO_TARGET}× bare exceljs streaming read`,
        met: ratio <= XLSX_RATIO_TARGET,
      });
      return results;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
