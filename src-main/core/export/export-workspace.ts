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
import { exportRowBuilder, ruleOptionsOf, type ContactProblem } from './contact-row';
import { startsLikeFormula } from './csv-format';
import { exportContacts } from './export-source';
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

/**
 * Exports the active contacts of a workspace to a SecuTix Extended file (XLSX or CSV), streaming
 * in batches (bounded memory). Rejected rows go to the error report; output and report are
 * written to temp files and renamed only when the whole export succeeded.
 */
export async function exportWorkspace(
  db: Database,
  input: ExportOptionsInput,
  job: Pick<JobContext, 'progress' | 'checkpoint'> = NO_JOB,
): Promise<ExportSummary> {
  const options = exportOptionsSchema.parse(input);
  const format = formatOf(options.out);
  const reportPath = options.report ?? defaultReportPath(options.out);
  formatOf(reportPath);
  const template = options.template
    ? await loadTemplate(options.template)
    : builtinTemplate({ departmentBeforeCountry: options.departmentBeforeCountry });
  const layout = analyzeTemplate(template);
  const width = template.codes.length;
  const rules = ruleOptionsOf(options);
  const guardCsv = format === 'csv' && options.csvFormulaGuard;

  const writer = createTableWriter(options.out, {
    sheetName: template.sheetName,
    textColumns: template.codes.map((c) => fieldByCode(c)?.textCell ?? false),
    csvBom: options.csvBom,
    csvFormulaGuard: options.csvFormulaGuard,
  });
  const report = new ErrorReport(db, reportPath);
  const missing = new Map(layout.missingFields.map((c) => [c, 0]));
  let exported = 0;
  let rejected = 0;
  let warnings = 0;
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
    const cells = new Array<string>(width).fill('');
    const total = countContacts(db);
    const buildRow = exportRowBuilder(options, rules);
    for (const batch of exportContacts(db)) {
      for (const contact of batch) {
        const r = buildRow(contact);
        const problems: ContactProblem[] = r.problems;
        if (missing.size > 0)
          for (const code in r.values) {
            const n = missing.get(code);
            if (n !== undefined) missing.set(code, n + 1);
          }
        if (r.rejected) {
          rejected++;
        } else {
          for (const code in r.values) {
            const i = layout.columnOf.get(code);
            if (i === undefined) continue;
            const v = r.values[code]!;
            cells[i] = v;
            if (guardCsv && v !== '=' && startsLikeFormula(v))
              problems.push({
                column: code,
                problem: 'formula-guarded',
                message: `CSV: ${code} starts with "${v[0]}"; written with a leading ' so no spreadsheet runs it as a formula.`,
                severity: 'warning',
                value: v,
              });
          }
          writer.write(cells, true);
          cells.fill(''); // one array reused for every row: writers consume it synchronously
          exported++;
        }
        if (problems.length > 0) {
          for (const p of problems) if (p.severity === 'warning') warnings++;
          report.add(contact, problems);
        }
      }
      job.progress('export', exported + rejected, total);
      await writer.drain();
      await report.drain();
      await job.checkpoint();
    }
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
      missingColumns: [...missing]
        .filter(([, n]) => n > 0 || template.source !== 'builtin')
        .map(([code, contactsWithValue]) => ({ code, contactsWithValue })),
      notes,
    };
  } catch (e) {
    await writer.abort();
    await report.abort();
    throw e;
  }
}
