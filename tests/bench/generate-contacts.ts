/**
 * Deterministic generator of messy customer-contact exports for benchmarks and quality tests.
 *
 * Columns (header row, in this order), as a Swiss-German CRM export would name them:
 *   id           unique record id of the row (1, 2, 3 …) — technical, use as `--id-column id`
 *   Kundennr     customer number, zero-padded to 7 digits (`0000123`); unique per row
 *   Anrede       Herr/Frau/Hr./Dr, M./Mme/Monsieur, Sig./Sig.ra, Mr/Mrs/Ms … (sometimes empty)
 *   Vorname, Nachname   Swiss/German/Austrian, French, Italian or English names (35% of surnames
 *                from the long tail in resources/names/last-names.txt, so namesakes stay rare)
 *   Firma        company (~12%): `Müller AG`, `Favre Sàrl`, `Rossi S.r.l.`, `Smith & Sons Ltd` …
 *   Strasse      street + house number (`Bahnhofstrasse 12`, `12 rue de la Paix`, `12 High Street`)
 *   PLZ, Ort     REAL postcode ↔ town pairs from /work/shared/data/postal, all of them (GB: outward code from
 *                GeoNames + a made-up inward part, `M9 4AB`; FR: La Poste labels, often title-cased)
 *   Land         CH ~70%, FR, DE, IT, GB, AT; as ISO code or name in various languages (`Schweiz`)
 *   Telefon      fixed line (~45%), Natel mobile (~75%); valid-looking numbers in mixed formats
 *   E-Mail       ~80%; Geburtsdatum ~65%, mostly dd.mm.yyyy; Sprache D/F/I/E, de/fr, Deutsch …
 *   Bemerkung    free text (~10%), some with commas, quotes or a line break
 *   entity_id    GROUND TRUTH: rows sharing an entity_id are the same real person (`E0000001`)
 *
 * Ground truth: ~10% of rows are near-duplicates of an earlier person (same entity_id, new id and
 * Kundennr) with 1–3 edits (typo, accent loss, nickname, swapped names, missing email/phone, phone
 * formatting, `1003 Lausanne` in Ort, case change, day/month swap, street abbreviation). True
 * duplicate pairs = all pairs of rows inside each entity_id group. Independently ~5% of rows get
 * one dirt edit (mojibake, e-mail typo, upper case, extra spaces, missing country, invalid date,
 * invalid phone, wrong postcode). Each generated row lists its edits (`dup:typo-last`, `dirt:mojibake`).
 *
 * Same (rows, seed, GENERATOR_VERSION) → same bytes. Bump GENERATOR_VERSION on any output change so
 * cached bench files are regenerated.
 */
import ExcelJS from 'exceljs';
import { closeSync, existsSync, mkdirSync, openSync, renameSync, statSync, writeSync } from 'node:fs';
import { fork } from 'node:child_process';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  CONTACT_COLUMNS,
  makePerson,
  pickStyle,
  renderRow,
  type ContactRow,
  type Person,
} from './contact-record';
import { Prng } from './prng';
import { DIRT_EDITS, DUPLICATE_EDITS, applyEdits } from './row-edits';

export { CONTACT_COLUMNS, type ContactColumn, type ContactRow } from './contact-record';

export const GENERATOR_VERSION = 3;
export const DEFAULT_SEED = 20251125;
export const DUPLICATE_RATE = 0.1;
export const DIRT_RATE = 0.05;

export interface GeneratedContact {
  row: ContactRow;
  /** `id` of the first row of the same entity when this row is a near-duplicate. */
  duplicateOf?: string;
  /** Edits applied to this row: `dup:<name>` and `dirt:<name>`. */
  edits: string[];
}

/** Originals kept as candidates for later duplicates (reservoir sample, so duplicates span the file). */
const RESERVOIR_SIZE = 20_000;

export interface GeneratorOptions {
  /** Share of rows that are near-duplicates of an earlier person (default DUPLICATE_RATE). */
  duplicateRate?: number;
  /** Share of rows that get one dirt edit (default DIRT_RATE). */
  dirtRate?: number;
}

export function* generateContacts(
  rows: number,
  seed = DEFAULT_SEED,
  options: GeneratorOptions = {},
): Generator<GeneratedContact> {
  const duplicateRate = options.duplicateRate ?? DUPLICATE_RATE;
  const dirtRate = options.dirtRate ?? DIRT_RATE;
  const rng = new Prng(seed);
  const reservoir: { person: Person; firstId: string }[] = [];
  let originals = 0;
  let customerNo = 100;
  for (let id = 1; id <= rows; id++) {
    customerNo += rng.int(1, 3);
    const isDuplicate = reservoir.length > 0 && rng.chance(duplicateRate);
    let person: Person;
    let duplicateOf: string | undefined;
    if (isDuplicate) {
      const picked = rng.pick(reservoir);
      person = picked.person;
      duplicateOf = picked.firstId;
    } else {
      originals++;
      person = makePerson(rng, `E${String(originals).padStart(7, '0')}`);
      const entry = { person, firstId: String(id) };
      if (reservoir.length < RESERVOIR_SIZE) reservoir.push(entry);
      else {
        const slot = rng.int(0, originals - 1);
        if (slot < RESERVOIR_SIZE) reservoir[slot] = entry;
      }
    }
    const style = pickStyle(rng, person.place.country);
    const row = renderRow(rng, person, id, customerNo, style);
    const edits: string[] = [];
    if (isDuplicate) {
      const count = 1 + (rng.chance(0.5) ? 1 : 0) + (rng.chance(0.2) ? 1 : 0);
      for (const e of applyEdits(rng, DUPLICATE_EDITS, count, row, person, style)) edits.push(`dup:${e}`);
    }
    if (rng.chance(dirtRate)) {
      for (const e of applyEdits(rng, DIRT_EDITS, 1, row, person, style)) edits.push(`dirt:${e}`);
    }
    yield { row, duplicateOf, edits };
  }
}

/** RFC 4180: quote a field holding a comma, quote, CR or LF; double inner quotes. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

export interface WriteStats {
  rows: number;
  bytes: number;
  duplicates: number;
}

/** Writes UTF-8 CSV (no BOM, `,`, CRLF line ends) synchronously in ~64 KB chunks (short strings die young: far less GC than 1 MB ropes). */
export function writeContactsCsv(
  path: string,
  rows: number,
  seed = DEFAULT_SEED,
  options: GeneratorOptions = {},
): WriteStats {
  const fd = openSync(path, 'w');
  let bytes = 0;
  let duplicates = 0;
  let chunk = CONTACT_COLUMNS.join(',') + '\r\n';
  const flush = (): void => {
    bytes += writeSync(fd, chunk);
    chunk = '';
  };
  try {
    for (const { row, duplicateOf } of generateContacts(rows, seed, options)) {
      if (duplicateOf !== undefined) duplicates++;
      let line = csvField(row[CONTACT_COLUMNS[0]]);
      for (let i = 1; i < CONTACT_COLUMNS.length; i++) line += ',' + csvField(row[CONTACT_COLUMNS[i]!]);
      chunk += line + '\r\n';
      if (chunk.length > 1 << 16) flush();
    }
    flush();
  } finally {
    closeSync(fd);
  }
  return { rows, bytes, duplicates };
}

/** A dd.mm.yyyy string as a Date cell (how Excel users keep birth dates); anything else stays text. */
function excelDate(value: string): Date | string {
  const m = /^(\d{2})\.(\d{2})\.(\d{4})$/.exec(value);
  if (!m) return value;
  const date = new Date(Date.UTC(Number(m[3]), Number(m[2]) - 1, Number(m[1])));
  return date.getUTCDate() === Number(m[1]) ? date : value;
}

/**
 * Writes XLSX with exceljs' streaming writer (shared strings off, no styles). Like real Excel
 * exports, valid dd.mm.yyyy birth dates are date cells and 4-digit CH/AT postcodes are numbers;
 * everything else (Kundennr with leading zeros, phones) is text.
 */
export async function writeContactsXlsx(
  path: string,
  rows: number,
  seed = DEFAULT_SEED,
): Promise<WriteStats> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({
    filename: path,
    useSharedStrings: false,
    useStyles: true,
  });
  const sheet = workbook.addWorksheet('Kunden');
  sheet.addRow([...CONTACT_COLUMNS]).commit();
  let duplicates = 0;
  for (const { row, duplicateOf } of generateContacts(rows, seed)) {
    if (duplicateOf !== undefined) duplicates++;
    const cells: (string | number | Date)[] = CONTACT_COLUMNS.map((c) => row[c]);
    cells[CONTACT_COLUMNS.indexOf('Geburtsdatum')] = excelDate(row.Geburtsdatum);
    if (/^[1-9]\d{3}$/.test(row.PLZ)) cells[CONTACT_COLUMNS.indexOf('PLZ')] = Number(row.PLZ);
    const added = sheet.addRow(cells);
    if (cells[CONTACT_COLUMNS.indexOf('Geburtsdatum')] instanceof Date) {
      added.getCell(CONTACT_COLUMNS.indexOf('Geburtsdatum') + 1).numFmt = 'dd.mm.yyyy';
    }
    added.commit();
  }
  await workbook.commit();
  return { rows, bytes: statSync(path).size, duplicates };
}

export type BenchFileFormat = 'csv' | 'xlsx';

export function benchFileName(rows: number, format: BenchFileFormat, seed = DEFAULT_SEED): string {
  return `contacts-${rows}-s${seed}-v${GENERATOR_VERSION}.${format}`;
}

/** Writes one bench file to `path` via a temp name (rename is atomic: readers never see half a file). */
export async function writeBenchFile(
  path: string,
  rows: number,
  format: BenchFileFormat,
  seed: number,
): Promise<WriteStats> {
  const tmp = `${path}.${process.pid}.tmp`;
  const stats =
    format === 'csv' ? writeContactsCsv(tmp, rows, seed) : await writeContactsXlsx(tmp, rows, seed);
  renameSync(tmp, path);
  return stats;
}

/** Runs `generate-file.ts` in a child process and resolves when the file is written. */
function generateInChild(path: string, rows: number, format: BenchFileFormat, seed: number): Promise<void> {
  return new Promise((resolve, reject) => {
    const script = fileURLToPath(new URL('./generate-file.ts', import.meta.url));
    const child = fork(script, [path, String(rows), format, String(seed)], {
      execArgv: ['--import', 'tsx'],
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`generating ${path} failed (exit ${code})`)),
    );
  });
}

/**
 * Path of the cached generated file in `ctx.dataDir`, generating it first when absent. Generation
 * runs in a child process so the caller's heap and peak RSS (what benches measure) stay untouched.
 */
export async function ensureBenchFile(
  ctx: { dataDir: string; log?: (line: string) => void },
  rows: number,
  format: BenchFileFormat,
  seed = DEFAULT_SEED,
): Promise<string> {
  const path = join(ctx.dataDir, benchFileName(rows, format, seed));
  if (existsSync(path)) return path;
  mkdirSync(ctx.dataDir, { recursive: true });
  const t0 = performance.now();
  await generateInChild(path, rows, format, seed);
  const seconds = ((performance.now() - t0) / 1000).toFixed(1);
  const mb = (statSync(path).size / 1048576).toFixed(1);
  ctx.log?.(`generated ${path} (${rows} rows, ${mb} MB) in ${seconds} s`);
  return path;
}

/** Ground truth of a generated file: row id → entity_id (regenerates the rows; no file needed). */
export function groundTruth(rows: number, seed = DEFAULT_SEED): Map<string, string> {
  const truth = new Map<string, string>();
  for (const { row } of generateContacts(rows, seed)) truth.set(row.id, row.entity_id);
  return truth;
}
