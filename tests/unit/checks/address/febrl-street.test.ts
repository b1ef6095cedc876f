import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { streetCheck } from '../../../../src-main/core/checks/street';
import { ctx, row } from './fixtures';
import { sharedData } from '../../../helpers/shared-data';

// FEBRL 2 (../shared/data/febrl): 5,000 Australian-style addresses, all lower case.
const FILE = sharedData('febrl/dataset2.csv');

describe('street check on FEBRL addresses', () => {
  it('only re-cases the lower-case lines: no junk, PO box or number-order false alarms', () => {
    const codes = new Map<string, number>();
    let rows = 0;
    for (const line of readFileSync(FILE, 'utf8').split('\n').slice(1)) {
      const c = line.split(',').map((v) => v.trim());
      const line1 = [c[3], c[4]].filter(Boolean).join(' ');
      if (!line1) continue;
      rows++;
      for (const f of streetCheck.run(row({ LINE1: line1, COUNTRY: 'AU' }), ctx)) {
        codes.set(f.code, (codes.get(f.code) ?? 0) + 1);
        expect(f.suggestion!.LINE1!.toLowerCase()).toBe(line1.replace(/\s+/g, ' ').toLowerCase());
      }
    }
    expect(rows).toBeGreaterThan(4000);
    expect([...codes.keys()]).toEqual(['street.format']);
  });
});
