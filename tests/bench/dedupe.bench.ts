/**
 * Dedupe bench: quality (precision/recall/F1 of sure+review pairs) on FEBRL 1 and 2 and on the
 * generated file's entity_id ground truth, next to a naive baseline (exact normalised
 * first+last name+postcode); speed end to end (workspace contacts → stored pairs and groups) on
 * 100k and 1M generated rows with pairs compared per second, blocking reduction ratio and RSS.
 * The same code and defaults run on every file: nothing is tuned per dataset.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Papa from 'papaparse';
import type { ContactData } from '../../shared/domain';
import { Workspace } from '../../src-main/core/db/workspace';
import { normName, normZip } from '../../src-main/core/dedupe/normalize-fields';
import { writePairsCsv } from '../../src-main/core/dedupe/pairs-export';
import { runDedupe, type DedupeRunSummary } from '../../src-main/core/dedupe/run-dedupe';
import { JobManager } from '../../src-main/core/jobs/job-runner';
import {
  febrlContact,
  febrlTruth,
  generatedContact,
  loadCsvContacts,
} from '../integration/dedupe/csv-contacts';
import { sharedData } from '../helpers/shared-data';
import { ensureBenchFile, groundTruth } from './generate-contacts';
import { measure, type BenchContext, type BenchRow, type BenchSection } from './harness';
import { pairQuality, type PairQuality } from './pair-quality';

const FEBRL = sharedData('febrl');

interface Dataset {
  name: string;
  file: string;
  map: (r: Record<string, string>) => ContactData;
  idColumn: string;
  truth: () => Map<string, string>;
}

function readCsv(file: string): string[][] {
  return Papa.parse<string[]>(readFileSync(file, 'utf8'), { skipEmptyLines: true }).data;
}

/** Naive baseline: pairs of records with equal normalised first name + last name + postcode. */
function baseline(ds: Dataset): PairQuality {
  const rows = readCsv(ds.file);
  const header = rows[0]!.map((h) => h.trim());
  const id = header.indexOf(ds.idColumn);
  const groups = new Map<string, string[]>();
  for (const cells of rows.slice(1)) {
    const rec: Record<string, string> = {};
    header.forEach((h, i) => (rec[h] = (cells[i] ?? '').trim()));
    const c = ds.map(rec);
    const key = `${normName(c.FIRSTNAME ?? '')}|${normName(c.LASTNAME ?? '')}|${normZip(c.ZIPCODE ?? '')}`;
    const list = groups.get(key);
    if (list) list.push(cells[id]!.trim());
    else groups.set(key, [cells[id]!.trim()]);
  }
  const pairs: Array<[string, string]> = [];
  for (const ids of groups.values())
    for (let x = 0; x < ids.length; x++)
      for (let y = x + 1; y < ids.length; y++) pairs.push([ids[x]!, ids[y]!]);
  return pairQuality(pairs, ds.truth());
}

function qualityExtra(q: PairQuality): Record<string, number> {
  const r = (v: number) => Math.round(v * 10000) / 10000;
  return {
    precision: r(q.precision),
    recall: r(q.recall),
    F1: r(q.f1),
    pairs: q.predictedPairs,
    truePairs: q.truePairs,
  };
}

async function runOne(
  ctx: BenchContext,
  ds: Dataset,
  dir: string,
  opts: { speedTarget?: number; quality: boolean },
): Promise<BenchRow[]> {
  const ws = Workspace.create(join(dir, `${ds.name.replace(/\W+/g, '-')}.cprep`));
  try {
    const load = await measure(() => loadCsvContacts(ws, ds.file, ds.map));
    const rows = load.result.rows;
    global.gc?.();
    const run = await measure(
      () => new JobManager(ws.db).start('dedupe.run', (job) => runDedupe(ws, job, { threads: 2 })).done,
    );
    const s: DedupeRunSummary = run.result;
    ctx.log(
      `${ds.name}: ${rows} rows loaded in ${load.seconds.toFixed(1)} s; dedupe ${run.seconds.toFixed(1)} s ` +
        `${JSON.stringify(Object.fromEntries(Object.entries(s.seconds).map(([k, v]) => [k, Math.round(v * 10) / 10])))}`,
    );
    const extra: Record<string, number | string> = {
      candidatePairs: s.candidatePairs,
      reductionRatio: Number(s.reductionRatio.toFixed(6)),
      pairsComparedPerS: s.pairsPerSecond,
      sure: s.sure,
      review: s.review,
      groups: s.clusters,
      loadSeconds: Number(load.seconds.toFixed(1)),
    };
    const out: BenchRow[] = [];
    let met: boolean | undefined;
    if (opts.quality) {
      const pairsFile = join(dir, 'pairs.csv');
      await writePairsCsv(ws.db, pairsFile, ds.idColumn);
      const lines = readCsv(pairsFile).slice(1);
      const q = pairQuality(
        lines.map((l) => [l[0]!, l[1]!] as const),
        ds.truth(),
      );
      Object.assign(extra, qualityExtra(q));
      met = q.f1 >= 0.95;
    }
    const speedMet =
      opts.speedTarget === undefined ? undefined : run.seconds < opts.speedTarget && run.peakRssMB < 2048;
    out.push({
      section: 'dedupe',
      case: ds.name,
      rows,
      seconds: run.seconds,
      rowsPerSecond: Math.round(rows / run.seconds),
      peakRssMB: run.peakRssMB,
      extra,
      target: [opts.quality ? 'F1 ≥ 0.95' : '', opts.speedTarget ? `< ${opts.speedTarget} s, RSS < 2 GB` : '']
        .filter(Boolean)
        .join('; '),
      met: met === undefined ? speedMet : speedMet === undefined ? met : met && speedMet,
    });
    if (opts.quality) {
      const t0 = performance.now();
      const b = baseline(ds);
      out.push({
        section: 'dedupe',
        case: `${ds.name} — baseline exact name+postcode`,
        rows,
        seconds: (performance.now() - t0) / 1000,
        rowsPerSecond: 0,
        peakRssMB: 0,
        extra: qualityExtra(b),
      });
    }
    return out;
  } finally {
    ws.close();
  }
}

export const section: BenchSection = {
  name: 'dedupe',
  async run(ctx) {
    const dir = mkdtempSync(join(tmpdir(), 'cprep-bench-dedupe-'));
    const febrl = (n: number): Dataset => ({
      name: `FEBRL ${n}`,
      file: join(FEBRL, `dataset${n}.csv`),
      map: febrlContact,
      idColumn: 'rec_id',
      truth: () =>
        febrlTruth(
          readCsv(join(FEBRL, `dataset${n}.csv`))
            .slice(1)
            .map((c) => c[0]!.trim()),
        ),
    });
    const generated = async (rows: number): Promise<Dataset> => ({
      name: `generated ${rows >= 1_000_000 ? `${rows / 1_000_000}M` : `${rows / 1000}k`}`,
      file: await ensureBenchFile(ctx, rows, 'csv'),
      map: generatedContact,
      idColumn: 'id',
      truth: () => groundTruth(rows),
    });
    try {
      const out: BenchRow[] = [];
      out.push(...(await runOne(ctx, febrl(1), dir, { quality: true })));
      out.push(...(await runOne(ctx, febrl(2), dir, { quality: true })));
      out.push(
        ...(await runOne(ctx, await generated(ctx.sizes.small), dir, { quality: true, speedTarget: 5 })),
      );
      out.push(
        ...(await runOne(ctx, await generated(ctx.sizes.large), dir, { quality: true, speedTarget: 60 })),
      );
      return out;
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
