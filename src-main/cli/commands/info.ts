import { Workspace } from '../../core/db/workspace';
import { listSources } from '../../core/sources/source-store';
import { requireOption, type CliCommand } from '../command';
import { workspaceOption } from './open-workspace';

/** `contact-prep info`: the sources of a workspace with row counts and columns. */
export const infoCommand: CliCommand = {
  name: 'info',
  summary: 'List the sources of a workspace: file, sheet, rows, columns',
  usage: 'contact-prep info --workspace <ws.cprep> [--json]',
  options: { ...workspaceOption, json: { type: 'boolean' } },
  async run(ctx) {
    const ws = Workspace.open(requireOption(ctx, 'workspace'));
    try {
      const sources = listSources(ws.db);
      if (ctx.values.json) {
        const payload = {
          workspace: ws.path,
          schemaVersion: ws.schemaVersion,
          sources: sources.map((s) => ({
            id: s.id,
            fileName: s.fileName,
            filePath: s.filePath,
            format: s.format,
            sheet: s.sheet,
            rows: s.rowCount,
            columns: s.columns.map((c) => c.name),
            encoding: s.encoding,
            delimiter: s.delimiter,
            headerRow: s.headerRow,
            role: s.role,
            sha256: s.sha256,
            fileSize: s.fileSize,
            importedAt: s.importedAt,
          })),
        };
        ctx.out(JSON.stringify(payload, null, 2) + '\n');
        return;
      }
      ctx.out(
        `Workspace ${ws.path} (schema ${ws.schemaVersion}): ${sources.length} source${sources.length === 1 ? '' : 's'}.\n`,
      );
      for (const s of sources) {
        const where = s.sheet ? `${s.fileName} [sheet ${s.sheet}]` : s.fileName;
        ctx.out(
          `  ${s.id}. ${where} — ${s.rowCount.toLocaleString('en')} rows × ${s.columns.length} columns, ${s.format}${s.encoding ? ` ${s.encoding}` : ''}, ${s.role}, imported ${s.importedAt}\n`,
        );
        ctx.out(`     Columns: ${s.columns.map((c) => c.name).join(', ')}\n`);
      }
    } finally {
      ws.close();
    }
  },
};
