/**
 * Export speed: a workspace of generated contacts exported to SecuTix CSV and XLSX (rows/s, peak
 * RSS). The workspace is filled DIRECTLY from the generator's records with a fixed column → field
 * map (not through import + mapping), so this measures the export alone on realistic, messy
 * values (phones parsed, emails lower-cased, dates converted, some rows rejected). Each export runs
 * in a fresh process (`export-child.ts`), as `contact-prep export` does, so its peak RSS is its own.
 */
import { fork, spawn } from 'node:child_process';
import { closeSync, openSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { normalizeCountry } from '../../shared/reference/countries';
import type { ExportChildResult } from './export-child';
import { CONTACT_COLUMNS } from './contact-record';
import type { ContactRow } from './generate-contacts';
import { noRuleCsvExport } from './export-floor';
import { withGeneratedWorkspace } from './fill-workspace';
import type { BenchRow, BenchSection } from './harness';

const TARGETS = { csv: 300_000, xlsx: 50_000 };
const RSS_TARGET_MB = 500;
/** Deutsch/D/de → de, Français/F → fr, Italiano/I → it, English/E → en (first letter decides here). */
const LANGUAGES: Record<string, string> = { d: 'de', g: 'de', f: 'fr', i: 'it', e: 'en', a: 'en' };
const TITLES: Record<string, string> = {
  herr: 'MR',
  frau: 'MRS',
  monsieur: 'MR',
  madame: 'MRS',
  mr: 'MR',
  mrs: 'MRS',
};

/** The fixed generator column → SecuTix field map used to fill the bench workspace. */
export function toFields(r: ContactRow): Record<string, string> {
  const country = normalizeCountry(r.Land)?.code ?? '';
  return {
    CONTACT_NR: r.Kundennr,
    TITLE: TITLES[r.Anrede.trim().toLowerCase().replace(/\.$/, '')] ?? '',
    FIRSTNAME: r.Vorname,
    LASTNAME: r.Nachname,
    OFFICIAL_NAME: r.Firma,
    LINE1: r.Strasse,
    ZIPCODE: r.PLZ,
    TOWN: r.Ort,
    COUNTRY: country,
    TELEPHONE: r.Telefon,
    CELLPHONE: r.Natel,
    EMAIL1: r['E-Mail'],
    BIRTHDATE: r.Geburtsdatum,
    PREF_LANG: LANGUAGES[r.Sprache.trim().charAt(0).toLowerCase()] ?? '',
    REMARK: r.Bemerkung,
  };
}

/** The fields the bench workspace holds (toFields' keys). */
const BENCH_FIELDS = Object.keys(
  toFields(Object.fromEntries(CONTACT_COLUMNS.map((c) => [c, ''])) as ContactRow),
);

/**
 * The reference for CSV: the sqlite3 CLI writing the bench workspace's fields as CSV straight from
 * SQL (`json_extract` per field, CSV quoting by the CLI), with none of the export's rules (no
 * validation, phone or date formats, report, template). `processes` CLIs run in parallel, each on
 * its share of the ids, as our export uses both cores. Wall seconds, or null without the CLI.
 */
async function sqliteCliCsvSeconds(
  wsPath: string,
  dir: string,
  maxId: number,
  processes: number,
): Promise<number | null> {
  const columns = BENCH_FIELDS.map((f) => `json_extract(data, '$.${f}')`).join(', ');
  const share = Math.ceil(maxId / processes);
  const t0 = process.hrtime.bigint();
  const codes = await Promise.all(
    Array.from({ length: processes }, (_, p) => {
      const out = join(dir, `sqlite3-${p}.csv`);
      const fd = openSync(out, 'w');
      const sql = `SELECT ${columns} FROM contacts WHERE status = 'active' AND id > ${p * share} AND id <= ${(p + 1) * share} ORDER BY id`;
      return new Promise<number | null>((resolve) => {
        const child = spawn('sqlite3', ['-readonly', '-csv', wsPath, sql], {
          stdio: ['ignore', fd, 'ignore'],
        });
        child.on('error', () => resolve(null));
        child.on('exit', (code) => resolve(code));
      }).finally(() => {
        closeSync(fd);
        rmSync(out, { force: true });
      });
    }),
  );
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  return codes.every((c) => c === 0) ? seconds : null;
}

const CHILD = fileURLToPath(new URL('./export-child.ts', import.meta.url));

/** Runs one export in a fresh process (inherits `--import tsx` and the bundled-workers switch). */
function exportInChild(wsPath: string, out: string): Promise<ExportChildResult> {
  return new Promise((resolve, reject) => {
    let result: ExportChildResult | undefined;
    const child = fork(CHILD, [wsPath, out], { stdio: 'inherit' });
    child.on('message', (m) => (result = m as ExportChildResult));
    child.on('error', reject);
    child.on('exit', (code) =>
      result && code === 0 ? resolve(result) : reject(new Error(`export child exited with code ${code}`)),
    );
  });
}

export const section: BenchSection = {
  name: 'export',
  async run(ctx) {
    const n = ctx.sizes.large;
    return withGeneratedWorkspace(ctx, 'export', n, toFields, async (ws, dir) => {
      const out: BenchRow[] = [];
      let csv: ExportChildResult | undefined;
      for (const format of ['csv', 'xlsx'] as const) {
        const file = join(dir, `out.${format}`);
        const s = await exportInChild(ws.path, file);
        const rowsPerSecond = Math.round(n / s.seconds);
        if (format === 'csv') csv = s;
        ctx.log(
          `${format}: ${s.exported} exported, ${s.rejected} rejected, ${s.warnings} warnings; ` +
            `${s.seconds.toFixed(1)} s wall, ${s.cpuSeconds.toFixed(1)} s CPU (fresh process, as the CLI runs it)`,
        );
        out.push({
          section: 'export',
          case: `export ${format.toUpperCase()} (workspace filled from generator records)`,
          rows: n,
          seconds: s.seconds,
          rowsPerSecond,
          peakRssMB: s.peakRssMB,
          extra: {
            exported: s.exported,
            rejected: s.rejected,
            warnings: s.warnings,
            cpuSeconds: Number(s.cpuSeconds.toFixed(1)),
            MB: Math.round(statSync(file).size / 1048576),
          },
          target: `≥ ${TARGETS[format] / 1000}k rows/s, RSS < ${RSS_TARGET_MB} MB`,
          met: rowsPerSecond >= TARGETS[format] && s.peakRssMB < RSS_TARGET_MB,
        });
        rmSync(file, { force: true });
      }
      // The generated contacts fill ids 1..n, so halves of the id range are halves of the rows.
      const maxId = ws.db.prepare('SELECT max(id) FROM contacts').pluck().get() as number;
      const one = await sqliteCliCsvSeconds(ws.path, dir, maxId, 1);
      const two = await sqliteCliCsvSeconds(ws.path, dir, maxId, 2);
      if (one !== null && two !== null) {
        ctx.log(
          `reference: sqlite3 CLI, ${BENCH_FIELDS.length} fields as CSV with no export rule: ` +
            `${one.toFixed(1)} s in one process, ${two.toFixed(1)} s in two (one per core)`,
        );
        out.push({
          section: 'export',
          case: `reference: sqlite3 CLI writes the ${BENCH_FIELDS.length} fields as CSV, no rules, 2 processes`,
          rows: n,
          seconds: two,
          rowsPerSecond: Math.round(n / two),
          peakRssMB: 0,
          extra: {
            oneProcessSeconds: Number(one.toFixed(2)),
            oneProcessRowsPerSecond: Math.round(n / one),
            csvExportVsReference: Number((two / csv!.seconds).toFixed(2)),
          },
        });
      } else ctx.log('reference: sqlite3 CLI missing, no comparison');
      const floorFile = join(dir, 'floor.csv');
      const floor = noRuleCsvExport(ws.db, BENCH_FIELDS, floorFile);
      rmSync(floorFile, { force: true });
      const floorCpuUsPerRow = (floor.cpuSeconds * 1e6) / floor.rows;
      ctx.log(
        `floor: the export's reading, JSON split and CSV text with no rule, one thread: ` +
          `${floor.seconds.toFixed(1)} s, ${floorCpuUsPerRow.toFixed(1)} CPU-µs a contact ` +
          `(300k rows/s on 2 cores allows ${((2 * 1e6) / TARGETS.csv).toFixed(1)})`,
      );
      out.push({
        section: 'export',
        case: 'floor: reading, JSON split and CSV text with no rule, 1 thread (export-floor.ts)',
        rows: floor.rows,
        seconds: floor.seconds,
        rowsPerSecond: Math.round(floor.rows / floor.seconds),
        peakRssMB: 0,
        extra: {
          cpuMicrosPerRow: Number(floorCpuUsPerRow.toFixed(2)),
          csvExportCpuMicrosPerRow: Number(((csv!.cpuSeconds * 1e6) / n).toFixed(2)),
        },
      });
      return out;
    });
  },
};
