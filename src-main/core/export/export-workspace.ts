import { extname } from 'node:path';
import type { Database } from 'better-sqlite3';
import {
  exportOptionsSchema,
  type ExportOptionsInput,
  type ExportSummary,
} from '../../../shared/contract/export';
import { fieldByCode } from '../../../shared/secutix/fields';
import { countContacts } from '../contacts/contact-store';
import type { JobContext } from '../jobs/job-runner';
import { BatchPool } from '../workers/batch-pool';
import {
  batchExporter,
  readExportBatches,
  type BatchSpec,
  type ExportBatch,
  type ExportChunk,
} from './export-batch';
import { ErrorReport } from './error-report';
import { createTableWriter, formatOf } from './table-writer';
import { analyzeTemplate, builtinTemplate, loadTemplate } from './template';

/** Job hooks without a JobManager (tests, bench): no progress, never cancelled. */
const NO_JOB: Pick<JobContext, 'progress' | 'checkpoint'> = {
  progress: () => undefined,
  checkpoint: async () => {},
};

function defaultReportPath(out: string): string {
  const ext = extname(out);
  return `${out.slice(0, out.length - ext.length)}-errors${ext}`;
}

export interface ExportTuning {
  /** Worker threads building rows: 0 = in this thread. Default: 2, or 0 below 20,000 contacts. */
  workers?: number;
  /** Contacts per batch (default 4,000 for CSV; 2,000 for XLSX, whose rows are ~7× larger in flight). */
  batchSize?: number;
}

/** Below this many contacts, starting workers costs more than it saves. */
const PARALLEL_FROM = 20_000;

/**
 * Exports the active contacts of a workspace to a SecuTix Extended file (XLSX or CSV), streaming
 * in batches (bounded memory). Rejected rows go to the error report; output and report are
 * written to temp files and renamed only when the whole export succeeded. This thread reads the
 * contacts (inside the caller's read transaction, if any) and writes; rows are built and
 * formatted by batch, in workers for large exports, and written in id order.
 */
export async function exportWorkspace(
  db: Database,
  input: ExportOptionsInput,
  job: Pick<JobContext, 'progress' | 'checkpoint'> = NO_JOB,
  tuning: ExportTuning = {},
): Promise<ExportSummary> {
  const options = exportOptionsSchema.parse(input);
  formatOf(options.out);
  const reportPath = options.report ?? defaultReportPath(options.out);
  formatOf(reportPath);
  const template = options.template
    ? await loadTemplate(options.template)
    : builtinTemplate({ departmentBeforeCountry: options.departmentBeforeCountry });
  const layout = analyzeTemplate(template);
  const width = template.codes.length;
  const textColumns = template.codes.map((c) => fieldByCode(c)?.textCell ?? false);

  const writer = createTableWriter(options.out, {
    sheetName: template.sheetName,
    textColumns,
    csvBom: options.csvBom,
    csvFormulaGuard: options.csvFormulaGuard,
  });
  const report = new ErrorReport(db, reportPath);
  const missing = new Array<number>(layout.missingFields.length).fill(0);
  let exported = 0;
  let rejected = 0;
  let warnings = 0;
  let pool: BatchPool<ExportBatch, ExportChunk> | undefined;
  const inflight: Array<Promise<ExportChunk>> = [];
  try {
    for (const row of template.headerRows) writer.write(row, false);
    if (options.configCodes) {
      const cells = new Array<string>(width).fill('');
      const put = (code: string, v: string) =>
        layout.columnOf.has(code) && (cells[layout.columnOf.get(code)!] = v);
      put('INSTITUTION', options.institution ?? '');
      put('ORGANIZATION', options.organization ?? '');
      put('OPERATION', 'CONFIG');
      for (const [code, value] of Object.entries(options.configCodes)) put(code, value);
      writer.write(cells, true);
    }
    const total = countContacts(db);
    const spec: BatchSpec = { options, codes: template.codes, rowFormat: writer.rowFormat, textColumns };
    // exceljs (the fallback writer) takes plain cells: not worth shipping across threads.
    const workers = writer.rowFormat === 'cells' ? 0 : (tuning.workers ?? (total < PARALLEL_FROM ? 0 : 2));
    if (workers > 0) pool = new BatchPool<ExportBatch, ExportChunk>('export', workers, spec, 'Export worker');
    const exportBatch = pool ? undefined : batchExporter(spec);

    const drainOne = async () => {
      const chunk = await inflight.shift()!;
      writer.writeRows(chunk);
      report.addLines(chunk.report);
      exported += chunk.exported;
      rejected += chunk.rejected;
      warnings += chunk.warnings;
      for (let i = 0; i < missing.length; i++) missing[i]! += chunk.missing[i]!;
      job.progress('export', exported + rejected, total);
      await writer.drain();
      await report.drain();
      await job.checkpoint();
    };
    // Bounded in flight (two batches per worker): memory stays flat whatever the workspace size.
    const batchSize = tuning.batchSize ?? (writer.rowFormat === 'csv' ? 4000 : 2000);
    for (const rows of readExportBatches(db, batchSize, pool !== undefined)) {
      inflight.push(pool ? pool.submit(rows) : Promise.resolve(exportBatch!(rows)));
      if (inflight.length >= (pool ? workers * 2 : 1)) await drainOne();
    }
    while (inflight.length) await drainOne();
    await pool?.close();
    pool = undefined;

    await writer.close();
    const reportWritten = await report.close();
    const notes: string[] = [];
    if (template.source === 'builtin')
      notes.push(
        "No SecuTix template given: the built-in one was used (row 4 = the documented codes of spec §3.11; rows 1–3 are ContactPrep titles, not SecuTix's). Use --template with the file SecuTix sent.",
      );
    const skipped = countContacts(db, 'all') - total;
    if (skipped > 0) notes.push(`${skipped} merged or removed contacts were not exported.`);
    return {
      exported,
      rejected,
      warnings,
      skipped,
      out: options.out,
      report: reportWritten,
      template: template.source,
      unknownColumns: layout.unknownColumns,
      duplicateColumns: layout.duplicateColumns,
      missingColumns: layout.missingFields
        .map((code, i) => ({ code, contactsWithValue: missing[i]! }))
        .filter((m) => m.contactsWithValue > 0 || template.source !== 'builtin'),
      notes,
    };
  } catch (e) {
    for (const p of inflight) p.catch(() => undefined); // abandoned batches: no unhandled rejection
    await pool?.close();
    await writer.abort();
    await report.abort();
    throw e;
  }
}
