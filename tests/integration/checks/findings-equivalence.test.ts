import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { iterateFindings } from '../../../src-main/core/checks/findings-store';
import { checkOfCode } from '../../../src-main/core/checks/registry';
import type { Workspace } from '../../../src-main/core/db/workspace';
import { toFields } from '../../bench/checks.bench';
import { fillFromGenerator } from '../../bench/fill-workspace';
import type { ContactRow } from '../../bench/generate-contacts';
import { tempWorkspace } from '../../helpers/temp-workspace';
import { runChecksJob } from './helpers';

const ROWS = 6000;

/**
 * The bench's field map with the address fields damaged in ten deterministic ways (the generator
 * alone yields few postcode/town findings): postcode and town in one cell, pairs from another
 * row, empty cells, dropped leading zeros, placeholders, case and accents.
 */
function dirtyAddressFields(): (r: ContactRow) => Record<string, string> {
  let i = 0;
  let previous: ContactRow | undefined;
  return (r) => {
    const f = toFields(r);
    const other = previous ?? r;
    previous = r;
    switch (i++ % 11) {
      case 0:
        f.ZIPCODE = `${r.PLZ} ${r.Ort}`;
        f.TOWN = i % 3 ? '' : r.Ort;
        break;
      case 1:
        f.TOWN = `${r.PLZ} ${r.Ort}`;
        if (i % 2) f.ZIPCODE = '';
        break;
      case 2:
        f.ZIPCODE = other.PLZ;
        break;
      case 3:
        f.COUNTRY = '';
        break;
      case 4:
        f.ZIPCODE = '';
        break;
      case 5:
        f.TOWN = '';
        break;
      case 6:
        f.ZIPCODE = r.PLZ.replace(/^0+/, '').replace(/\s/g, '');
        break;
      case 7:
        if (i % 2) f.ZIPCODE = 'xxx';
        else f.TOWN = '-';
        break;
      case 8:
        f.TOWN = r.Ort.normalize('NFD').replace(/\p{M}/gu, '').toUpperCase();
        break;
      case 9:
        f.TOWN = other.Ort;
        f.COUNTRY = i % 2 ? '' : f.COUNTRY!;
        break;
      default:
        break;
    }
    return f;
  };
}

/**
 * Every finding of the workspace as read back through the store (what the CLI, RPC and fixes
 * see), one canonical line each, grouped by the check that emits it.
 */
function findingLinesByCheck(ws: Workspace): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const f of iterateFindings(ws.db)) {
    const check = checkOfCode(f.code)?.name ?? '?';
    const line = JSON.stringify([
      f.rowId,
      f.field,
      f.code,
      f.severity,
      f.messageKey,
      f.params,
      f.message,
      f.suggestion ?? null,
      f.confidence,
    ]);
    let lines = out.get(check);
    if (!lines) out.set(check, (lines = []));
    lines.push(line);
  }
  return out;
}

/** Per check: number of findings and a digest of their sorted lines (order-independent). */
function digestByCheck(lines: Map<string, string[]>): Record<string, { findings: number; sha256: string }> {
  const out: Record<string, { findings: number; sha256: string }> = {};
  for (const name of [...lines.keys()].sort()) {
    const sorted = [...lines.get(name)!].sort();
    out[name] = {
      findings: sorted.length,
      sha256: createHash('sha256').update(sorted.join('\n')).digest('hex').slice(0, 16),
    };
  }
  return out;
}

/**
 * Regression guard for the checks' fast paths (memo caches, cheaper finding rows): the findings
 * of a realistic generated workspace must stay exactly those recorded before the speed work
 * (snapshot file next to this test). A legitimate behaviour change updates the snapshot
 * deliberately (`vitest -u`) and says why in the commit.
 */
describe('checks findings equivalence (generated workspace)', () => {
  it('gives the recorded findings for every check, in-thread and with two workers', async () => {
    const ws = tempWorkspace();
    fillFromGenerator(ws, ROWS, toFields);

    await runChecksJob(ws, { workers: 0, batchSize: 700 });
    const inline = findingLinesByCheck(ws);
    const digest = digestByCheck(inline);
    await expect(`${JSON.stringify(digest, null, 2)}\n`).toMatchFileSnapshot(
      './__snapshots__/findings-equivalence.json',
    );

    await runChecksJob(ws, { workers: 2, batchSize: 700 });
    const pooled = findingLinesByCheck(ws);
    expect([...pooled.keys()].sort()).toEqual([...inline.keys()].sort());
    for (const [name, lines] of inline)
      expect([...pooled.get(name)!].sort(), name).toEqual([...lines].sort());
  });

  it('gives the recorded findings on damaged addresses, with a default country', async () => {
    const ws = tempWorkspace();
    ws.setSetting('checks.defaultCountry', 'CH');
    fillFromGenerator(ws, ROWS, dirtyAddressFields());
    await runChecksJob(ws, { workers: 0, batchSize: 700 });
    const digest = digestByCheck(findingLinesByCheck(ws));
    await expect(`${JSON.stringify(digest, null, 2)}\n`).toMatchFileSnapshot(
      './__snapshots__/findings-equivalence-addresses.json',
    );
  });
});
