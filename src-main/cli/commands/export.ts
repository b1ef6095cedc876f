import type { ExportOptionsInput, ExportSummary } from '../../../shared/contract/export';
import { Workspace } from '../../core/db/workspace';
import { runExportJob } from '../../core/export/export-job';
import { UsageError, requireOption, type CliCommand } from '../command';
import { runCliJob } from '../run-job';

/** `contact-prep export`: writes the SecuTix Extended file (XLSX/CSV) and the error report. */
export const exportCommand: CliCommand = {
  name: 'export',
  summary: 'Write the SecuTix contact import file (Extended format, XLSX or CSV) and an error report',
  usage:
    'contact-prep export --workspace <file.cprep> --out <out.xlsx|out.csv> [--report <errors.xlsx|errors.csv>] ' +
    '[--template <secutix-template.xlsx|csv>] [--institution CODE] [--organization CODE] [--country CC] ' +
    '[--title CODE]... [--config CRIT01=CODE]... [--department-first] [--no-bom] [--no-formula-guard] [--drop-invalid-fields] [--json]',
  options: {
    workspace: { type: 'string', short: 'w' },
    out: { type: 'string', short: 'o' },
    report: { type: 'string' },
    template: { type: 'string' },
    institution: { type: 'string' },
    organization: { type: 'string' },
    country: { type: 'string' },
    title: { type: 'string', multiple: true },
    config: { type: 'string', multiple: true },
    'department-first': { type: 'boolean' },
    'no-bom': { type: 'boolean' },
    'no-formula-guard': { type: 'boolean' },
    'drop-invalid-fields': { type: 'boolean' },
    json: { type: 'boolean' },
  },
  async run(ctx) {
    const ws = Workspace.open(requireOption(ctx, 'workspace'));
    try {
      const str = (k: string) => (typeof ctx.values[k] === 'string' ? (ctx.values[k] as string) : undefined);
      const flag = (k: string) => (ctx.values[k] ? true : undefined);
      const input: ExportOptionsInput = {
        out: requireOption(ctx, 'out'),
        report: str('report'),
        template: str('template'),
        institution: str('institution'),
        organization: str('organization'),
        institutionCountry: str('country')?.toUpperCase(),
        extraTitles: ctx.values.title as string[] | undefined,
        departmentBeforeCountry: flag('department-first'),
        csvBom: ctx.values['no-bom'] ? false : undefined,
        csvFormulaGuard: ctx.values['no-formula-guard'] ? false : undefined,
        undocumentedInvalid: ctx.values['drop-invalid-fields'] ? 'drop-field' : undefined,
        configCodes: configCodes(ctx.values.config as string[] | undefined),
      };
      const summary = await runCliJob(ctx, 'export.write', ws.db, (job) => runExportJob(ws, input, job));
      if (ctx.values.json) ctx.out(JSON.stringify(summary, null, 2) + '\n');
      else ctx.out(describe(summary));
    } finally {
      ws.close();
    }
  },
};

/** `--config CRIT01=PREFCOL` (repeatable) → a CONFIG row setting default codes (spec §2.5). */
function configCodes(specs: string[] | undefined): Record<string, string> | undefined {
  if (!specs?.length) return undefined;
  const out: Record<string, string> = {};
  for (const spec of specs) {
    const m = /^([A-Z0-9_]+)=([^=|]+)$/.exec(spec.trim());
    if (!m) throw new UsageError(`--config expects COLUMN=CODE (e.g. CRIT01=PREFCOL), got "${spec}".`);
    out[m[1]!] = m[2]!;
  }
  return out;
}

function describe(s: ExportSummary): string {
  const lines = [
    `Exported ${s.exported} contacts to ${s.out}; ${s.rejected} rejected, ${s.warnings} warnings.`,
    s.report ? `Problems listed in ${s.report}.` : 'Nothing to report.',
    `Template: ${s.template}.`,
  ];
  if (s.unknownColumns.length)
    lines.push(`Template columns unknown to SecuTix (left empty): ${s.unknownColumns.join(', ')}.`);
  if (s.duplicateColumns.length)
    lines.push(`Duplicate template columns (first one filled): ${s.duplicateColumns.join(', ')}.`);
  const lost = s.missingColumns.filter((m) => m.contactsWithValue > 0);
  if (lost.length)
    lines.push(
      `Fields with values but no column in the template: ${lost.map((m) => `${m.code} (${m.contactsWithValue})`).join(', ')}.`,
    );
  return [...lines, ...s.notes].join('\n') + '\n';
}
