import { validateSecutixFile } from '../../core/validate/validate-file';
import { UsageError, type CliCommand } from '../command';

/** `contact-prep validate FILE`: checks a file claiming the SecuTix Extended format; exit 1 when invalid. */
export const validateCommand: CliCommand = {
  name: 'validate',
  summary:
    'Check a SecuTix contact import file (XLSX/CSV) before upload; exit 1 when SecuTix would reject it',
  usage:
    'contact-prep validate <file.xlsx|file.csv> [--template <secutix-template>] [--title CODE]... [--strict] [--json]',
  options: {
    template: { type: 'string' },
    title: { type: 'string', multiple: true },
    strict: { type: 'boolean' },
    json: { type: 'boolean' },
  },
  async run(ctx) {
    const path = ctx.positionals[0];
    if (!path) throw new UsageError('Give the file to validate.');
    const r = await validateSecutixFile({
      path,
      template: typeof ctx.values.template === 'string' ? ctx.values.template : undefined,
      extraTitles: (ctx.values.title as string[] | undefined) ?? [],
      strict: ctx.values.strict === true,
    });
    if (ctx.values.json) {
      ctx.out(
        JSON.stringify(
          {
            valid: r.valid,
            rows: r.rows,
            errors: r.errors,
            warnings: r.warnings,
            truncated: r.truncated,
            problems: r.problems.map((p) => ({
              row: p.row,
              column: p.column,
              field: p.field,
              code: p.code,
              severity: p.severity,
              message: p.message,
            })),
          },
          null,
          2,
        ) + '\n',
      );
    } else {
      ctx.out(
        `${path}: ${r.valid ? 'valid' : 'INVALID'} — ${r.rows} data rows, ${r.errors} errors, ${r.warnings} warnings.\n`,
      );
      for (const p of r.problems)
        ctx.out(
          `  row ${p.row}${p.column ? ` col ${p.column}` : ''}${p.field ? ` ${p.field}` : ''}: ${p.severity} ${p.code} — ${p.message}\n`,
        );
      if (r.truncated) ctx.out(`  … (list cut; counts above are complete)\n`);
    }
    return r.valid ? 0 : 1; // EXIT_USER: the file would be rejected
  },
};
