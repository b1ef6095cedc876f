import type { Handlers } from '../../../shared/contract/handlers';
import { importFile } from '../import/import-file';
import { previewFile } from '../import/preview';
import { listSources } from '../sources/source-store';
import type { HostContext } from './host-context';

export function importHandlers(
  host: HostContext,
): Pick<Handlers, 'import.preview' | 'import.start' | 'import.sources'> {
  return {
    'import.preview': async (a) => previewFile(a.path, a.options, a.limit),
    'import.start': async (a) => {
      const { jobId } = host.jobs.start('import', (ctx) => importFile(host.ws, a.path, a.options, ctx));
      return { jobId };
    },
    'import.sources': async () =>
      listSources(host.ws.db).map((s) => ({
        id: s.id,
        fileName: s.fileName,
        format: s.format,
        sheet: s.sheet,
        rows: s.rowCount,
        columns: s.columns.map((c) => c.name),
        encoding: s.encoding,
        delimiter: s.delimiter,
        role: s.role,
        importedAt: s.importedAt,
      })),
  };
}
