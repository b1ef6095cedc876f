import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { packValues, unpackedValues, unpackValues } from '../../../src-main/core/checks/finding-batch';
import { findingBulkInserter, FINDING_WIDTH } from '../../../src-main/core/checks/findings-store';
import { FINDINGS_COLUMNS } from '../../../src-main/core/db/migrations/0004-findings';

/** Finding insert values like a batch's: repeated codes and messages, unique phone texts, nulls. */
function findingValues(count: number, seed: number): unknown[] {
  const out: unknown[] = [];
  const codes = ['country.not-iso', 'phone.format', 'town.spelling'];
  for (let i = 0; i < count; i++) {
    const k = (i * 7 + seed) % 5;
    const code = codes[k % 3]!;
    out.push(
      1000 + Math.floor(i / 2),
      k % 2 ? 'TELEPHONE' : 'COUNTRY',
      code,
      k === 4 ? 'error' : 'warning',
      `checks.${code}`,
      k === 1 ? `{"value":"07${i} ☎ ${seed}"}` : '{"value":"Genève"}',
      k === 1 ? `Write 07${i} as +417${i}.` : 'Country "Svizzera" should be the ISO code CH.',
      k === 3 ? null : `{"COUNTRY":"CH${k}"}`,
      k === 2 ? 0.95 : 1,
    );
  }
  return out;
}

function storedRows(values: unknown[], pack: (v: unknown[]) => ReturnType<typeof packValues>): unknown[][] {
  const db = new Database(':memory:');
  db.exec(`CREATE TABLE staging (${FINDINGS_COLUMNS})`);
  const insert = findingBulkInserter(db, 'staging');
  db.transaction(() => insert(pack(values)))();
  const rows = db
    .prepare(
      'SELECT contact_id, field, code, severity, message_key, params_json, message, suggestion_json, confidence FROM staging ORDER BY id',
    )
    .raw(true)
    .all() as unknown[][];
  db.close();
  return rows;
}

describe('packed finding values', () => {
  it('unpack to the same values, each distinct string stored once', () => {
    for (const count of [0, 1, 5, 300]) {
      const values = findingValues(count, count);
      const packed = packValues(values);
      expect(unpackValues(packed)).toEqual(values);
      const strings = packed.distinct.filter((v) => typeof v === 'string');
      expect(new Set(strings).size).toBe(strings.length);
      if (count > 1) expect(packed.distinct.length).toBeLessThan(values.length);
      expect(unpackValues(unpackedValues(values))).toEqual(values);
    }
  });

  it('store the same rows as the flat values, whole statements and the remainder alike', () => {
    for (const count of [0, 1, 63, 64, 65, 200]) {
      const values = findingValues(count, 3);
      const expected: unknown[][] = [];
      for (let i = 0; i < values.length; i += FINDING_WIDTH)
        expected.push(values.slice(i, i + FINDING_WIDTH));
      expect(storedRows(values, packValues)).toEqual(expected);
      expect(storedRows(values, unpackedValues)).toEqual(expected);
    }
  });
});
