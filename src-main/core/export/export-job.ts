import type { ExportOptionsInput, ExportSummary } from '../../../shared/contract/export';
import type { Workspace } from '../db/workspace';
import type { JobContext } from '../jobs/job-runner';
import { DEFAULT_COUNTRY_SETTING } from '../checks/phone';
import { exportWorkspace } from './export-workspace';

/** Workspace setting holding export defaults (institution, organization, template, …). */
export const EXPORT_DEFAULTS_KEY = 'export.defaults';

/**
 * Explicit options win over the workspace's saved export defaults; the phone reference country
 * falls back to the checks' default country (the institution's country, spec §3.6).
 */
export function resolveExportOptions(ws: Workspace, input: ExportOptionsInput): ExportOptionsInput {
  const saved = ws.getSetting<Partial<ExportOptionsInput>>(EXPORT_DEFAULTS_KEY) ?? {};
  const explicit = Object.fromEntries(Object.entries(input).filter(([, v]) => v !== undefined));
  const merged = { ...saved, ...explicit } as ExportOptionsInput;
  const country = ws.getSetting<string>(DEFAULT_COUNTRY_SETTING);
  if (!merged.institutionCountry && typeof country === 'string' && /^[A-Z]{2}$/.test(country))
    merged.institutionCountry = country;
  return merged;
}

/**
 * Runs an export as a job on its own connection inside one read transaction: the file is a
 * consistent snapshot even if the user edits contacts while it is written.
 */
export async function runExportJob(
  ws: Workspace,
  input: ExportOptionsInput,
  job: Pick<JobContext, 'progress' | 'checkpoint'>,
): Promise<ExportSummary> {
  const conn = ws.openJobConnection();
  try {
    conn.exec('BEGIN');
    return await exportWorkspace(conn, resolveExportOptions(ws, input), job);
  } finally {
    if (conn.inTransaction) conn.exec('ROLLBACK');
    conn.close();
  }
}
