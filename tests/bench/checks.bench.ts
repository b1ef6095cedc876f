/**
 * Checks speed: every registered check over a workspace of generated contacts (rows/s, peak RSS),
 * then the re-check of one edited row (median over 100 edits). The workspace is filled DIRECTLY
 * from the generator's records with a fixed column → field map (not through import + mapping), and
 * the raw values are kept (country names, national phone formats, mixed dates) so the checks find
 * real work. Figures measure the checks job end to end: read, check in 2 workers, stage, swap.
 */
import { loadavg } from 'node:os';
import { findingFacets } from '../../src-main/core/checks/findings-store';
import { attachAutoRecheck } from '../../src-main/core/checks/recheck';
import { runChecks } from '../../src-main/core/checks/run-checks';
import { formatTimings, timingShares, type RunTimings } from '../../src-main/core/checks/run-timings';
import type { Workspace } from '../../src-main/core/db/workspace';
import { applyOperation } from '../../src-main/core/history/history';
import { JobManager } from '../../src-main/core/jobs/job-runner';
import type { ContactRow } from './generate-contacts';
import { withGeneratedWorkspace } from './fill-workspace';
import { measure, type BenchRow, type BenchSection } from './harness';

const TARGET_ROWS_PER_S = 100_000;
const TARGET_RECHECK_MS = 10;

/** The fixed generator column → SecuTix field map (raw values: cleaning them is the checks' job). */
export function toFields(r: ContactRow): Record<string, string> {
  const company = r.Firma.trim() !== '';
  return {
    CONTACT_NR: r.Kundennr,
    FIRSTNAME: company ? '' : r.Vorname,
    LASTNAME: company ? '' : r.Nachname,
    OFFICIAL_NAME: r.Firma,
    LINE1: r.Strasse,
    ZIPCODE: r.PLZ,
    TOWN: r.Ort,
    COUNTRY: r.Land,
    TELEPHONE: r.Telefon,
    CELLPHONE: r.Natel,
    EMAIL1: r['E-Mail'],
    BIRTHDATE: r.Geburtsdatum,
    REMARK: r.Bemerkung,
  };
}

/** The largest shares of a run's thread time, `phone 12%, town 11%, …` (the full table is logged). */
function topShares(t: RunTimings, n: number): string {
  return timingShares(t)
    .slice(0, n)
    .map((l) => `${l.name} ${Math.round(100 * l.share)}%`)
    .join(', ');
}

/** Median time of the automatic re-check after single-field edits of random rows. */
function recheckMedianMs(ws: Workspace, rows: number, edits: number): number {
  attachAutoRecheck(ws);
  const times: number[] = [];
  let seed = 12345;
  const next = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31);
  for (let i = 0; i < edits; i++) {
    const id = 1 + (next() % rows);
    const value = i % 2 ? 'anna@gmial.com' : 'anna.muster@bluewin.ch';
    const t0 = process.hrtime.bigint();
    applyOperation(ws, { kind: 'edit', label: 'bench edit' }, [
      { contactId: id, attribute: 'EMAIL1', after: value },
    ]);
    times.push(Number(process.hrtime.bigint() - t0) / 1e6);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

export const section: BenchSection = {
  name: 'checks',
  async run(ctx) {
    const n = ctx.sizes.large;
    return withGeneratedWorkspace(ctx, 'checks', n, toFields, async (ws) => {
      global.gc?.();
      const jobs = new JobManager(ws.db);
      // CPU time of the whole process (main thread + both workers): on a shared, loaded machine the
      // wall clock mostly measures the neighbours; rows per CPU-second × 2 cores is the unloaded rate.
      const cpu0 = process.cpuUsage();
      const m = await measure(
        () => jobs.start('checks.run', (job) => runChecks(ws, job, { workers: 2 })).done,
      );
      const cpu = process.cpuUsage(cpu0);
      const cpuSeconds = (cpu.user + cpu.system) / 1e6;
      ctx.log(
        `run: ${m.seconds.toFixed(1)} s wall, ${cpuSeconds.toFixed(1)} s CPU, load average ${loadavg()[0]!.toFixed(1)}`,
      );
      ctx.log(`where the time went (thread time, summed over threads):`);
      for (const line of formatTimings(m.result.timings)) ctx.log(line);
      const facets = findingFacets(ws.db);
      ctx.log(
        `${m.result.findings} findings; top codes: ${facets.byCode
          .slice(0, 8)
          .map((f) => `${f.code}=${f.count}`)
          .join(', ')}`,
      );
      const rowsPerSecond = Math.round(n / m.seconds);
      const recheckMs = recheckMedianMs(ws, n, 100);
      ctx.log(`re-check after one edit: median ${recheckMs.toFixed(2)} ms`);
      const rowsOut: BenchRow[] = [
        {
          section: 'checks',
          case: 'all checks, 2 worker threads (workspace filled from generator records)',
          rows: n,
          seconds: m.seconds,
          rowsPerSecond,
          peakRssMB: m.peakRssMB,
          extra: {
            findings: m.result.findings,
            checks: m.result.checks.length,
            cpuSeconds: Number(cpuSeconds.toFixed(1)),
            rowsPerCpuSecond: Math.round(n / cpuSeconds),
            loadAvg1m: Number(loadavg()[0]!.toFixed(1)),
            largestShares: topShares(m.result.timings, 6),
          },
          target: `≥ ${TARGET_ROWS_PER_S / 1000}k rows/s`,
          met: rowsPerSecond >= TARGET_ROWS_PER_S,
        },
        {
          section: 'checks',
          case: 're-check of one edited row (median of 100 edits, incl. applyOperation)',
          rows: 1,
          seconds: recheckMs / 1000,
          rowsPerSecond: Math.round(1000 / recheckMs),
          peakRssMB: Math.round(process.memoryUsage.rss() / 1048576),
          extra: { medianMs: Number(recheckMs.toFixed(2)) },
          target: `< ${TARGET_RECHECK_MS} ms`,
          met: recheckMs < TARGET_RECHECK_MS,
        },
      ];
      return rowsOut;
    });
  },
};
