import type { Handlers } from '../../../shared/contract/handlers';
import { runExportJob } from '../export/export-job';
import { validateSecutixFile } from '../validate/validate-file';
import type { HostContext } from './host-context';

export function exportHandlers(host: HostContext): Pick<Handlers, 'export.write' | 'export.validate'> {
  return {
    'export.write': async (args) => {
      const { jobId } = host.jobs.start('export.write', (job) => runExportJob(host.ws, args, job));
      return { jobId };
    },
    'export.validate': async (args) => validateSecutixFile(args),
  };
}
