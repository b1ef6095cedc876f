/**
 * One export in a fresh process, as `contact-prep export` runs it: opens the bench workspace,
 * exports it and sends back the summary, time and peak RSS. The export section forks this so the
 * peak RSS of an export is not inflated by the million-row workspace fill (or by the previous
 * format's export) done in the section's own process.
 */
import { Workspace } from '../../src-main/core/db/workspace';
import { exportWorkspace } from '../../src-main/core/export/export-workspace';
import { measure } from './harness';

export interface ExportChildResult {
  seconds: number;
  peakRssMB: number;
  cpuSeconds: number;
  exported: number;
  rejected: number;
  warnings: number;
}

const [wsPath, out] = process.argv.slice(2);
const ws = Workspace.open(wsPath!);
try {
  const cpu0 = process.cpuUsage();
  const m = await measure(() =>
    exportWorkspace(ws.db, {
      out: out!,
      institution: 'BENCH',
      organization: 'ORG',
      institutionCountry: 'CH',
    }),
  );
  const cpu = process.cpuUsage(cpu0);
  const result: ExportChildResult = {
    seconds: m.seconds,
    peakRssMB: m.peakRssMB,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
    exported: m.result.exported,
    rejected: m.result.rejected,
    warnings: m.result.warnings,
  };
  process.send!(result);
} finally {
  ws.close();
}
