import type { Handlers } from '../../../shared/contract/handlers';
import { getChecksSettings, setChecksSettings } from '../checks/check-settings';
import { applyFinding, applyFixCode, editField, previewFixCode } from '../checks/fixes';
import { findingFacets, listFindings } from '../checks/findings-store';
import { attachAutoRecheck } from '../checks/recheck';
import { ALL_CHECKS } from '../checks/registry';
import { lastRun, runChecks } from '../checks/run-checks';
import { rowScore, workspaceScore } from '../checks/score';
import type { HostContext } from './host-context';

type ChecksHandlerName =
  | 'checks.run'
  | 'checks.list'
  | 'checks.lastRun'
  | 'findings.query'
  | 'findings.facets'
  | 'findings.applyFix'
  | 'findings.previewFixCode'
  | 'findings.applyFixCode'
  | 'contacts.editField'
  | 'score.workspace'
  | 'score.row'
  | 'checks.getSettings'
  | 'checks.setSettings';

/** Checks, findings, fixes and score. Installing them also keeps findings in step with every edit. */
export function checksHandlers(host: HostContext): Pick<Handlers, ChecksHandlerName> {
  const { ws } = host;
  attachAutoRecheck(ws);
  return {
    'checks.run': async ({ checks }) => {
      const { jobId } = host.jobs.start('checks.run', (job) => runChecks(ws, job, { checks }));
      return { jobId };
    },
    'checks.list': async () => ALL_CHECKS.map((c) => ({ name: c.name, codes: [...c.codes] })),
    'checks.lastRun': async () => lastRun(ws) ?? null,
    'findings.query': async ({ limit, afterId, offset, ...filter }) =>
      listFindings(ws.db, filter, { limit, afterId, offset }),
    'findings.facets': async (filter) => findingFacets(ws.db, filter),
    'findings.applyFix': async ({ findingId }) => applyFinding(ws, findingId),
    'findings.previewFixCode': async ({ code, minConfidence, sampleSize }) =>
      previewFixCode(ws, code, { minConfidence, sampleSize }),
    'findings.applyFixCode': async ({ code, minConfidence }) => applyFixCode(ws, code, { minConfidence }),
    'contacts.editField': async ({ contactId, field, value }) => editField(ws, contactId, field, value),
    'score.workspace': async ({ fields }) => workspaceScore(ws.db, { fields }),
    'score.row': async ({ contactId }) => rowScore(ws.db, contactId),
    'checks.getSettings': async () => getChecksSettings(ws),
    'checks.setSettings': async (patch) => setChecksSettings(ws, patch),
  };
}
