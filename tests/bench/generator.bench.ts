/**
 * Speed of the bench data generator itself (it runs before every other section on a fresh clone):
 * records only, CSV writing and XLSX writing, each to a temp file removed afterwards.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateContacts, writeContactsCsv, writeContactsXlsx } from './generate-contacts';
import { measure, type BenchRow, type BenchSection } from './harness';

const CSV_TARGET_ROWS_PER_S = 200_000;

function row(
  name: string,
  rows: number,
  m: { seconds: number; peakRssMB: number },
  extra?: BenchRow['extra'],
): BenchRow {
  return {
    section: 'generator',
    case: name,
    rows,
    seconds: m.seconds,
    rowsPerSecond: Math.round(rows / m.seconds),
    peakRssMB: m.peakRssMB,
    extra,
  };
}

export const section: BenchSection = {
  name: 'generator',
  async run(ctx) {
    const dir = mkdtempSync(join(tmpdir(), 'cprep-bench-gen-'));
    try {
      const n = ctx.sizes.small;
      const records = await measure(() => {
        let duplicates = 0;
        for (const g of generateContacts(n)) if (g.duplicateOf !== undefined) duplicates++;
        return duplicates;
      });
      const csv = await measure(() => writeContactsCsv(join(dir, 'g.csv'), n));
      const csvRow = row('write CSV', n, csv, { MB: Math.round(csv.result.bytes / 1048576) });
      csvRow.target = `≥ ${CSV_TARGET_ROWS_PER_S / 1000}k rows/s`;
      csvRow.met = csvRow.rowsPerSecond >= CSV_TARGET_ROWS_PER_S;
      const xlsxRows = Math.min(ctx.sizes.xlsx, 50_000);
      const xlsx = await measure(() => writeContactsXlsx(join(dir, 'g.xlsx'), xlsxRows));
      ctx.log(`${n} rows: ${records.result} near-duplicates`);
      return [
        row('records only', n, records, { duplicates: records.result }),
        csvRow,
        row('write XLSX (streaming)', xlsxRows, xlsx, { MB: Math.round(xlsx.result.bytes / 1048576) }),
      ];
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  },
};
