/**
 * Mapping speed: a generated CRM export (German headers, messy values) is imported, then the
 * suggested mapping is applied as a job (one staged transaction creating every contact), then new
 * contact numbers are assigned to the rows without one (one undoable history operation).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Workspace } from '../../src-main/core/db/workspace';
import { importFile } from '../../src-main/core/import/import-file';
import { JobManager } from '../../src-main/core/jobs/job-runner';
import { applyMapping } from '../../src-main/core/mapping/apply-mapping';
import { suggestForSource } from '../../src-main/core/mapping/suggest-source';
import { assignNumbers } from '../../src-main/core/numbers/assign-numbers';
import { setNumberRange } from '../../src-main/core/numbers/number-settings';
import { ensureBenchFile } from './generate-contacts';
import { measure, type BenchSection } from './harness';

const TARGET_ROWS_PER_S = 20_000;

export const section: BenchSection = {
  name: 'mapping',
  async run(ctx) {
    const n = ctx.sizes.large;
    const csv = await ensureBenchFile(ctx, n, 'csv');
    const dir = mkdtempSync(join(tmpdir(), 'cprep-bench-mapping-'));
    const ws = Workspace.create(join(dir, 'bench.cprep'));
    try {
      const jobs = new JobManager(ws.db);
      const t0 = Date.now();
      const imported = await jobs.start('import', (job) => importFile(ws, csv, {}, job)).done;
      const sourceId = imported.sources[0]!.id;
      ctx.log(`imported ${n} rows in ${((Date.now() - t0) / 1000).toFixed(1)} s`);
      const s = await measure(() => suggestForSource(ws.db, sourceId));
      ctx.log(`suggested in ${(s.seconds * 1000).toFixed(0)} ms; unmapped: ${s.result.unmapped.join(', ')}`);
      global.gc?.();
      const cpu0 = process.cpuUsage();
      const m = await measure(
        () => jobs.start('mapping.apply', (job) => applyMapping(ws, sourceId, s.result.mapping, job)).done,
      );
      const cpu = process.cpuUsage(cpu0);
      const cpuSeconds = (cpu.user + cpu.system) / 1e6;
      ctx.log(
        `${m.result.contacts} contacts, ${m.result.problems} cell problems ${JSON.stringify(m.result.problemCodes)}`,
      );
      // Half the contacts lose their number so the assignment has real work to do.
      ws.db.prepare("UPDATE contacts SET data = json_remove(data, '$.CONTACT_NR') WHERE id % 2 = 0").run();
      setNumberRange(ws, { start: '10000000', end: '99999999', width: 8 });
      global.gc?.();
      const a = await measure(() => assignNumbers(ws));
      const applyRate = Math.round(m.result.contacts / m.seconds);
      return [
        {
          section: 'mapping',
          case: 'apply suggested mapping (staged job, contacts + problems)',
          rows: m.result.contacts,
          seconds: m.seconds,
          rowsPerSecond: applyRate,
          peakRssMB: m.peakRssMB,
          // CPU seconds of this process: the wall time is inflated on a shared, loaded machine.
          extra: {
            problems: m.result.problems,
            suggestMs: Math.round(s.seconds * 1000),
            cpuSeconds: Number(cpuSeconds.toFixed(2)),
          },
          target: `≥ ${TARGET_ROWS_PER_S / 1000}k rows/s`,
          met: applyRate >= TARGET_ROWS_PER_S,
        },
        {
          section: 'mapping',
          case: 'assign contact numbers (one undoable history operation)',
          rows: a.result.assigned,
          seconds: a.seconds,
          rowsPerSecond: Math.round(a.result.assigned / a.seconds),
          peakRssMB: a.peakRssMB,
        },
      ];
    } finally {
      ws.close();
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
