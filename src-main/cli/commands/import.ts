import { existsSync, rmSync } from 'node:fs';
import type { ImportedSource, ImportOptions } from '../../../shared/contract/import';
import { Workspace } from '../../core/db/workspace';
import { importFile } from '../../core/import/import-file';
import { optionalInt, requireOption, UsageError, type CliCommand, type CommandContext } from '../command';
import { runCliJob } from '../run-job';
import { workspaceOption } from './open-workspace';

const DELIMITER_NAMES: Record<string, string> = {
  comma: ',',
  semicolon: ';',
  tab: '\t',
  '\\t': '\t',
  pipe: '|',
};

function delimiterOption(ctx: CommandContext): string | undefined {
  const v = ctx.values.delimiter;
  if (typeof v !== 'string') return undefined;
  const d = DELIMITER_NAMES[v.toLowerCase()] ?? v;
  if (d.length !== 1)
    throw new UsageError(`--delimiter must be one character or comma|semicolon|tab|pipe, got "${v}".`);
  return d;
}

function importOptions(ctx: CommandContext): ImportOptions {
  const sheet = ctx.values.sheet as string | undefined;
  const allSheets = ctx.values['all-sheets'] === true;
  if (sheet && allSheets) throw new UsageError('Use either --sheet or --all-sheets, not both.');
  const role = ctx.values.role as string | undefined;
  if (role !== undefined && role !== 'input' && role !== 'reference')
    throw new UsageError(`--role must be input or reference, got "${role}".`);
  return {
    sheet,
    allSheets: allSheets || undefined,
    encoding: ctx.values.encoding as string | undefined,
    delimiter: delimiterOption(ctx),
    headerRow: optionalInt(ctx, 'header-row'),
    role,
  };
}

function printableDelimiter(d: string | null): string {
  return d === null ? '-' : d === '\t' ? 'tab' : `"${d}"`;
}

function sourceJson(s: ImportedSource) {
  return {
    source: s.id,
    fileName: s.fileName,
    sheet: s.sheet,
    rows: s.rows,
    columns: s.columns,
    encoding: s.encoding,
    delimiter: s.delimiter,
    headerRow: s.headerRow,
    warnings: s.warnings.map((w) => ({
      row: w.row,
      ...(w.column ? { column: w.column } : {}),
      code: w.code,
      message: w.message,
    })),
  };
}

function printSummary(ctx: CommandContext, s: ImportedSource): void {
  const where = s.sheet ? `${s.fileName} [sheet ${s.sheet}]` : s.fileName;
  const format = s.encoding ? `encoding ${s.encoding}, delimiter ${printableDelimiter(s.delimiter)}, ` : '';
  ctx.out(
    `Imported ${where} as source ${s.id}: ${s.rows.toLocaleString('en')} rows × ${s.columns.length} columns (${format}header row ${s.headerRow || 'none'}).\n`,
  );
  ctx.out(`  Columns: ${s.columns.join(', ')}\n`);
  if (s.warnings.length) {
    ctx.out(`  Warnings (${s.warnings.length}):\n`);
    for (const w of s.warnings)
      ctx.out(`    ${w.row === null ? 'file' : `row ${w.row}`}: [${w.code}] ${w.message}\n`);
  }
}

/**
 * `contact-prep import`: loads a CSV/XLSX file into a workspace (created when missing).
 * `--json` prints one object per source; with `--all-sheets` it prints `{sources: [...]}`.
 */
export const importCommand: CliCommand = {
  name: 'import',
  summary: 'Import a CSV or XLSX file into a workspace (creates the workspace if missing)',
  usage:
    'contact-prep import <file> --workspace <ws.cprep> [--sheet NAME | --all-sheets] [--encoding E] [--delimiter D] [--header-row N] [--role input|reference] [--json]',
  options: {
    ...workspaceOption,
    sheet: { type: 'string' },
    'all-sheets': { type: 'boolean' },
    encoding: { type: 'string' },
    delimiter: { type: 'string' },
    'header-row': { type: 'string' },
    role: { type: 'string' },
    json: { type: 'boolean' },
  },
  async run(ctx) {
    const file = ctx.positionals[0];
    if (!file) throw new UsageError('Missing the file to import.');
    if (ctx.positionals.length > 1) throw new UsageError('Import one file at a time.');
    const wsPath = requireOption(ctx, 'workspace');
    const options = importOptions(ctx);
    const created = !existsSync(wsPath);
    const ws = Workspace.openOrCreate(wsPath);
    let imported = false;
    try {
      const summary = await runCliJob(ctx, 'import', ws.db, (job) => importFile(ws, file, options, job));
      imported = true;
      if (ctx.values.json) {
        const payload = options.allSheets
          ? { sources: summary.sources.map(sourceJson) }
          : sourceJson(summary.sources[0]!);
        ctx.out(JSON.stringify(payload, null, 2) + '\n');
      } else {
        for (const s of summary.sources) printSummary(ctx, s);
      }
    } finally {
      ws.close();
      // A workspace this command created for a file that could not be imported is removed again:
      // a failed or cancelled import leaves the disk as it was.
      if (created && !imported)
        for (const suffix of ['', '-wal', '-shm']) rmSync(wsPath + suffix, { force: true });
    }
  },
};
