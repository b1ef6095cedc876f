import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import Papa from 'papaparse';
import { runCli } from '../../../src-main/cli/main';
import { pairQuality } from '../../bench/pair-quality';
import { tempDir, tempWorkspace } from '../../helpers/temp-workspace';
import { febrlContact, febrlTruth, loadCsvContacts } from './csv-contacts';
import { sharedData } from '../../helpers/shared-data';

const FEBRL1 = sharedData('febrl/dataset1.csv');

function io() {
  const out: string[] = [];
  const err: string[] = [];
  return {
    out,
    err,
    io: {
      out: (s: string) => out.push(s),
      err: (s: string) => err.push(s),
      interactive: false,
      signal: new AbortController().signal,
    },
  };
}

describe('FEBRL 1 through the CLI', () => {
  it('finds the duplicates with F1 ≥ 0.9 (pairs exported by rec_id)', async () => {
    const ws = tempWorkspace();
    await loadCsvContacts(ws, FEBRL1, febrlContact);
    const path = ws.path;
    ws.close();
    const pairs = join(tempDir(), 'pairs.csv');
    const r = io();
    const code = await runCli(
      ['dedupe', '--workspace', path, '--json', '--pairs-out', pairs, '--id-column', 'rec_id'],
      r.io,
    );
    expect(r.err.join('')).toBe('');
    expect(code).toBe(0);
    const summary = JSON.parse(r.out.join('')) as {
      pairs: number;
      clusters: number;
      sure: number;
      review: number;
    };
    expect(summary.pairs).toBeGreaterThan(400);
    expect(summary.sure + summary.review).toBe(summary.pairs);
    const lines = Papa.parse<string[]>(readFileSync(pairs, 'utf8').trim()).data;
    expect(lines[0]).toEqual(['id_a', 'id_b', 'score']);
    const ids = Papa.parse<string[]>(readFileSync(FEBRL1, 'utf8').trim())
      .data.slice(1)
      .map((c) => c[0]!.trim());
    const q = pairQuality(
      lines.slice(1).map((l) => [l[0]!, l[1]!] as const),
      febrlTruth(ids),
    );
    expect(q.f1).toBeGreaterThanOrEqual(0.9);
  }, 60_000);

  it('works through the real import → map --auto → dedupe path (F1 ≥ 0.9)', async () => {
    const path = join(tempDir(), 'febrl.cprep');
    const pairs = join(tempDir(), 'pairs.csv');
    for (const argv of [
      ['import', FEBRL1, '--workspace', path, '--json'],
      ['map', '--workspace', path, '--auto', '--json'],
      ['dedupe', '--workspace', path, '--pairs-out', pairs, '--id-column', 'rec_id'],
    ]) {
      const r = io();
      const code = await runCli(argv, r.io);
      expect(code, `${argv[0]}: ${r.err.join('')}`).toBe(0);
    }
    const lines = Papa.parse<string[]>(readFileSync(pairs, 'utf8').trim()).data.slice(1);
    const ids = Papa.parse<string[]>(readFileSync(FEBRL1, 'utf8').trim())
      .data.slice(1)
      .map((c) => c[0]!.trim());
    const q = pairQuality(
      lines.map((l) => [l[0]!, l[1]!] as const),
      febrlTruth(ids),
    );
    expect(q.f1).toBeGreaterThanOrEqual(0.9);
  }, 60_000);
});
