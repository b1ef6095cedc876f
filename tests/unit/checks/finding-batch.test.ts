import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../../src-main/core/checks/check';
import { packValues, unpackedValues, unpackValues } from '../../../src-main/core/checks/finding-batch';
import {
  findingBulkInserter,
  FINDING_WIDTH,
  LIVE_FINDING_TABLES,
  pushFindingValues,
} from '../../../src-main/core/checks/findings-store';
import {
  FINDING_ROWS_COLUMNS,
  FINDING_TEMPLATES_COLUMNS,
  FINDINGS_VIEW,
} from '../../../src-main/core/db/migrations/0007-compact-findings';
import { readWholeFindings, wholeFindingRow } from '../../helpers/findings';

/** Findings like a batch's: repeated codes and sentences, unique phone values, awkward texts. */
function sampleFindings(count: number, seed: number): Finding[] {
  const awkward = ['a "quoted" \\ value', 'cost $& and $$1', 'bell \u0001 inside', 'Genève ☎', 'ab'];
  const out: Finding[] = [];
  for (let i = 0; i < count; i++) {
    const k = (i * 7 + seed) % 5;
    const value = k === 1 ? `07${i} ${seed}` : awkward[(i + seed) % awkward.length]!;
    const e164 = `+417${i}`;
    const f: Finding = {
      rowId: 1000 + Math.floor(i / 2),
      field: k % 2 ? 'TELEPHONE' : 'COUNTRY',
      code: k === 1 ? 'phone.format' : 'country.not-iso',
      severity: k === 4 ? 'error' : 'warning',
      messageKey: k === 1 ? 'checks.phone.format' : 'checks.country.not-iso',
      params: k === 1 ? { value, e164, extension: '' } : { value, code: 'CH' },
      message: k === 1 ? `Write ${value} as ${e164}.` : `Country "${value}" should be the ISO code CH.`,
      confidence: k === 2 ? 0.95 : 1,
    };
    if (k !== 3) f.suggestion = k === 1 ? { TELEPHONE: e164 } : { COUNTRY: 'CH', TOWN: null };
    out.push(f);
  }
  return out;
}

function storedThroughView(findings: Finding[], pack: (v: unknown[]) => ReturnType<typeof packValues>) {
  const db = new Database(':memory:');
  db.exec(`CREATE TABLE finding_rows (${FINDING_ROWS_COLUMNS});
    CREATE TABLE finding_templates (${FINDING_TEMPLATES_COLUMNS}); ${FINDINGS_VIEW}`);
  const values: unknown[] = [];
  for (const f of findings) pushFindingValues(values, f);
  const insert = findingBulkInserter(db, LIVE_FINDING_TABLES);
  db.transaction(() => insert(pack(values)))();
  const rows = readWholeFindings(db);
  const templates = (db.prepare('SELECT count(*) FROM finding_templates').pluck().get() as number) ?? 0;
  db.close();
  return { rows, templates };
}

describe('packed finding values', () => {
  it('unpack to the same values, each distinct template key stored once', () => {
    for (const count of [0, 1, 5, 300]) {
      const values: unknown[] = [];
      for (const f of sampleFindings(count, count)) pushFindingValues(values, f);
      const packed = packValues(values);
      expect(unpackValues(packed)).toEqual(values);
      const keys = values.filter((_, i) => i % FINDING_WIDTH === 1);
      const packedKeys = packed.distinct.filter((v) => keys.includes(v));
      expect(packedKeys).toEqual([...new Set(keys)]);
      if (count >= 300) expect(packed.distinct.length).toBeLessThan(values.length);
      expect(unpackValues(unpackedValues(values))).toEqual(values);
    }
  });

  it('read back through the findings view as the whole findings, full statements and the remainder alike', () => {
    for (const count of [0, 1, 127, 128, 129, 400]) {
      const findings = sampleFindings(count, 3);
      const expected = findings.map(wholeFindingRow);
      for (const pack of [packValues, unpackedValues]) {
        const { rows, templates } = storedThroughView(findings, pack);
        expect(rows).toEqual(expected);
        // 400 findings, ~160 of them phone findings with distinct values: a handful of templates.
        if (count === 400) expect(templates).toBeLessThan(20);
      }
    }
  });
});
