import type { Handlers } from '../../../shared/contract/handlers';
import type { HostContext } from './host-context';
import { checksHandlers } from './checks-handlers';
import { dedupeHandlers } from './dedupe-handlers';
import { exportHandlers } from './export-handlers';
import { historyHandlers } from './history-handlers';
import { importHandlers } from './import-handlers';
import { mappingHandlers } from './mapping-handlers';
import { mergeHandlers } from './merge-handlers';

/** Every domain's handlers for one open workspace. Hosts pass the result to createDispatcher. */
export function allHandlers(host: HostContext): Partial<Handlers> {
  return {
    'jobs.cancel': async ({ jobId }) => ({ cancelled: host.jobs.cancel(jobId) }),
    'jobs.list': async ({ limit }) => host.jobs.list(limit),
    ...historyHandlers(host.ws),
    ...importHandlers(host),
    ...exportHandlers(host),
    ...mappingHandlers(host),
    ...checksHandlers(host),
    ...dedupeHandlers(host),
    ...mergeHandlers(host),
  };
}
