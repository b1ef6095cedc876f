/**
 * The floor of a CSV export in this stack: the export's own pieces for reading the contacts in id
 * order (keyset batches), splitting each `data` JSON into its fields (walkFlatStrings, as the
 * export does) and writing RFC 4180 text with the formula guard (csvRecord) as UTF-8 (Utf8Builder)
 * — and nothing else: no value rule, no validation, no phone, date or email format, no report, no
 * template, no worker. What the export costs above this is what its rules cost.
 */
import type { Database } from 'better-sqlite3';
import { closeSync, openSync, writeSync } from 'node:fs';
import { walkFlatStrings } from '../../src-main/core/contacts/contact-data-json';
import { csvRecord } from '../../src-main/core/export/csv-format';
import { Utf8Builder } from '../../src-main/core/export/utf8-builder';

const BATCH = 4000;

export interface FloorResult {
  rows: number;
  seconds: number;
  cpuSeconds: number;
}

export function noRuleCsvExport(db: Database, fields: readonly string[], out: string): FloorResult {
  const read = db
    .prepare("SELECT id, data FROM contacts WHERE status = 'active' AND id > ? ORDER BY id LIMIT ?")
    .raw(true);
  const slot = new Map(fields.map((f, i) => [f, i]));
  const cells = new Array<string>(fields.length).fill('');
  const put = (s: string, keyStart: number, keyEnd: number, valueStart: number, valueEnd: number) => {
    const i = slot.get(s.slice(keyStart, keyEnd));
    if (i !== undefined) cells[i] = s.slice(valueStart, valueEnd);
    return true;
  };
  const fd = openSync(out, 'w');
  const cpu0 = process.cpuUsage();
  const t0 = process.hrtime.bigint();
  let rows = 0;
  try {
    for (let after = 0; ;) {
      const batch = read.all(after, BATCH) as Array<[number, string]>;
      if (batch.length === 0) break;
      const csv = new Utf8Builder(batch.length * 256);
      for (const [, data] of batch) {
        cells.fill('');
        // The usual flat JSON is scanned in place; anything else (escapes) goes through JSON.parse.
        if (data.includes('\\') || !walkFlatStrings(data, 0, data.length, put)) {
          cells.fill('');
          const o = JSON.parse(data) as Record<string, string>;
          fields.forEach((f, i) => (cells[i] = o[f] ?? ''));
        }
        csv.append(csvRecord(cells, true));
      }
      writeSync(fd, csv.bytes());
      rows += batch.length;
      after = batch[batch.length - 1]![0];
    }
  } finally {
    closeSync(fd);
  }
  const cpu = process.cpuUsage(cpu0);
  return {
    rows,
    seconds: Number(process.hrtime.bigint() - t0) / 1e9,
    cpuSeconds: (cpu.user + cpu.system) / 1e6,
  };
}
