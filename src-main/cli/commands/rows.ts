import Papa from 'papaparse';
import { AppError } from '../../../shared/errors';
import { Workspace } from '../../core/db/workspace';
import { getSource, getSourceRows, listSources } from '../../core/sources/source-store';
import { optionalInt, requireOption, UsageError, type CliCommand } from '../command';
import { workspaceOption } from './open-workspace';

const PAGE = 5000;

/** `contact-prep rows`: prints the rows of one source exactly as stored (CSV or JSON). */
export const rowsCommand: CliCommand = {
  name: 'rows',
  summary: 'Print the rows of a source exactly as imported (CSV or JSON)',
  usage: 'contact-prep rows --workspace <ws.cprep> [--source N] [--limit N] [--offset N] [--format csv|json]',
  options: {
    ...workspaceOption,
    source: { type: 'string' },
    limit: { type: 'string' },
    offset: { type: 'string' },
    format: { type: 'string' },
  },
  async run(ctx) {
    const format = (ctx.values.format as string | undefined) ?? 'csv';
    if (format !== 'csv' && format !== 'json')
      throw new UsageError(`--format must be csv or json, got "${format}".`);
    const limit = optionalInt(ctx, 'limit') ?? 100;
    const offset = optionalInt(ctx, 'offset') ?? 0;
    const ws = Workspace.open(requireOption(ctx, 'workspace'));
    try {
      const sourceId = optionalInt(ctx, 'source') ?? listSources(ws.db)[0]?.id;
      if (sourceId === undefined)
        throw new AppError('source.none', `Workspace ${ws.path} has no imported source yet.`);
      const source = getSource(ws.db, sourceId);
      const names = source.columns.map((c) => c.name);
      if (format === 'csv') ctx.out(Papa.unparse([['_row', ...names]], { newline: '\n' }) + '\n');
      else ctx.out(`{"source":${source.id},"columns":${JSON.stringify(names)},"rows":[`);
      let printed = 0;
      while (printed < limit) {
        const page = getSourceRows(ws.db, sourceId, {
          limit: Math.min(PAGE, limit - printed),
          offset: offset + printed,
        });
        if (page.length === 0) break;
        if (format === 'csv') {
          ctx.out(
            Papa.unparse(
              page.map((r) => [String(r.rowNumber), ...r.cells]),
              { newline: '\n' },
            ) + '\n',
          );
        } else {
          const items = page.map((r) => JSON.stringify({ row: r.rowNumber, cells: r.cells, flags: r.flags }));
          ctx.out((printed > 0 ? ',' : '') + '\n' + items.join(',\n'));
        }
        printed += page.length;
      }
      if (format === 'json') ctx.out('\n]}\n');
    } finally {
      ws.close();
    }
  },
};
