import type { Handlers } from '../../../shared/contract/handlers';
import { mergeAllSureJob } from '../dedupe/merge-bulk';
import { mergeCluster, mergeContacts } from '../dedupe/merge';
import { acceptMatch, listContactMatches, matchExistingJob } from '../dedupe/reference-match';
import { importReferenceFile } from '../dedupe/reference-match-import';
import { searchContacts } from '../dedupe/search';
import type { HostContext } from './host-context';

type MergeHandlerName =
  | 'dedupe.merge'
  | 'dedupe.mergeAllSure'
  | 'dedupe.matchExisting'
  | 'dedupe.matches'
  | 'dedupe.acceptMatch'
  | 'contacts.search';

/** Merge, existing-contact match and search handlers (issue 6); registered in allHandlers. */
export function mergeHandlers(host: HostContext): Pick<Handlers, MergeHandlerName> {
  const { ws, jobs } = host;
  return {
    'dedupe.merge': async (a) => {
      const options = { rules: a.rules, picks: a.picks, dryRun: a.dryRun };
      return a.clusterId !== undefined
        ? mergeCluster(ws, a.clusterId, options)
        : mergeContacts(ws, a.contactIds!, options);
    },
    'dedupe.mergeAllSure': async (a) => {
      const { jobId } = jobs.start('dedupe.mergeAllSure', (job) =>
        mergeAllSureJob(ws, { rules: a.rules, dryRun: a.dryRun, signal: job.signal }, job),
      );
      return { jobId };
    },
    'dedupe.matchExisting': async (a) => {
      const { jobId } = jobs.start('dedupe.matchExisting', async (job) => {
        const loads = a.referencePath
          ? await importReferenceFile(ws, a.referencePath, job, { headerRow: a.headerRow, sheet: a.sheet })
          : [];
        return { loads, ...(await matchExistingJob(ws, { dryRun: a.dryRun }, job)) };
      });
      return { jobId };
    },
    'dedupe.matches': async (a) => listContactMatches(ws.db, a),
    'dedupe.acceptMatch': async (a) => acceptMatch(ws, a.contactId, a.referenceId),
    'contacts.search': async (a) => searchContacts(ws, a.query, { limit: a.limit }),
  };
}
