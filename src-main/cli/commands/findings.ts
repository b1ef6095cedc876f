import type { Severity } from '../../core/checks/check';
import { iterateFindings, type ListedFinding } from '../../core/checks/findings-store';
import { UsageError, type CliCommand } from '../command';
import { openCheckedWorkspace, workspaceOption } from './open-workspace';
import { csvField, guardFormula } from '../../core/export/csv-format';

const CSV_COLUMNS = [
  'id',
  'contact',
  'source_file',
  'source_row',
  'field',
  'code',
  'severity',
  'message',
  'suggestion',
  'confidence',
];

/** Values come from customer files: the export's OWASP formula guard and RFC 4180 quoting apply. */
function csvCell(v: unknown): string {
  const s = v == null ? '' : String(v);
  return s === '' ? '' : csvField(guardFormula(s));
}

function csvLine(f: ListedFinding): string {
  return [
    f.id,
    f.rowId,
    f.sourceFile,
    f.rowNumber,
    f.field,
    f.code,
    f.severity,
    f.message,
    f.suggestion ? JSON.stringify(f.suggestion) : '',
    f.confidence,
  ]
    .map(csvCell)
    .join(',');
}

/** `contact-prep findings`: lists findings with their source file and row number (CSV or JSON). */
export const findingsCommand: CliCommand = {
  name: 'findings',
  summary: 'List findings of the last check run with their source file and row',
  usage:
    'contact-prep findings --workspace <file.cprep> [--code C] [--field F] [--severity error|warning|info] [--format csv|json]',
  options: {
    ...workspaceOption,
    code: { type: 'string' },
    field: { type: 'string' },
    severity: { type: 'string' },
    format: { type: 'string' },
  },
  async run(ctx) {
    const format = (ctx.values.format as string | undefined) ?? 'csv';
    if (format !== 'csv' && format !== 'json')
      throw new UsageError(`--format must be csv or json, got "${format}".`);
    const severity = ctx.values.severity as string | undefined;
    if (severity && !['error', 'warning', 'info'].includes(severity))
      throw new UsageError(`--severity must be error, warning or info.`);
    const ws = openCheckedWorkspace(ctx);
    try {
      const filter = {
        code: ctx.values.code as string | undefined,
        field: ctx.values.field as string | undefined,
        severity: severity as Severity | undefined,
      };
      if (format === 'csv') {
        ctx.out(CSV_COLUMNS.join(',') + '\n');
        for (const f of iterateFindings(ws.db, filter)) ctx.out(csvLine(f) + '\n');
        return;
      }
      ctx.out('[');
      let first = true;
      for (const f of iterateFindings(ws.db, filter)) {
        ctx.out((first ? '\n' : ',\n') + JSON.stringify(f));
        first = false;
      }
      ctx.out('\n]\n');
    } finally {
      ws.close();
    }
  },
};
